package dev.vigil.tables.packages;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.tables.system.MountNamespace;
import dev.vigil.tables.system.NamespaceRoots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * osquery's {@code deb_packages}: the packages dpkg knows as present (any state but not-installed, like
 * osquery and {@code dpkg-query -W}), read from the admin directory's status file without libdpkg. On a host
 * without /var/lib/dpkg/status the table is unsupported and has no rows.
 */
public final class DebPackagesTable implements Table {
    /** dpkg's default admin directory. */
    public static final String DEFAULT_ADMINDIR = "/var/lib/dpkg";

    private static final Columns COLUMNS = new Columns();
    static final Column NAME = COLUMNS.text("name", "Package name");
    static final Column VERSION = COLUMNS.text("version", "Package version");
    static final Column SOURCE = COLUMNS.text("source", "Package source");
    static final Column SIZE = COLUMNS.bigint("size",
            "Package installed size in KiB (dpkg's Installed-Size, reported unchanged as osquery does)");
    static final Column ARCH = COLUMNS.text("arch", "Package architecture");
    static final Column REVISION = COLUMNS.text("revision", "Package revision");
    static final Column STATUS = COLUMNS.text("status", "Package status");
    static final Column MAINTAINER = COLUMNS.text("maintainer", "Package maintainer");
    static final Column SECTION = COLUMNS.text("section", "Package section");
    static final Column PRIORITY = COLUMNS.text("priority", "Package priority");
    static final Column ADMINDIR = COLUMNS.text("admindir", "libdpkg admindir. Defaults to /var/lib/dpkg",
            Column.Flag.INDEX);
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace",
            "Pids that contain a namespace", Column.Flag.ADDITIONAL, Column.Flag.HIDDEN);
    static final Column MOUNT_NAMESPACE_ID = COLUMNS.text("mount_namespace_id", "Mount namespace id",
            Column.Flag.HIDDEN);
    static final TableSpec SPEC = TableSpec.of("deb_packages", "The installed DEB package database.", COLUMNS,
            "SELECT name, version, arch FROM deb_packages WHERE name LIKE 'openssh%'",
            "SELECT name, version FROM deb_packages WHERE name IN ('liblzma5', 'xz-utils')");

    /** The status fields the columns come from. */
    private static final Set<String> FIELDS = Set.of("package", "status", "version", "source", "installed-size",
            "architecture", "maintainer", "section", "priority");

    private final HostPaths host;
    private final Path statusFile;

    public DebPackagesTable(HostPaths host) {
        this.host = host;
        this.statusFile = admindir(host, DEFAULT_ADMINDIR).resolve("status");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("dpkg database", statusFile);
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        boolean asked = context.hasEquality(ADMINDIR);
        Set<String> admindirs = new LinkedHashSet<>(context.equalsText(ADMINDIR));
        if (!asked) {
            admindirs.add(DEFAULT_ADMINDIR);
        }
        for (NamespaceRoots.Root root : NamespaceRoots.of(context, PID_WITH_NAMESPACE, host)) {
            String namespaceId = root.pid() == 0 ? null : MountNamespace.idOf(host.proc(), root.pid());
            for (String admindir : admindirs) {
                Path dir = admindir(root.paths(), admindir);
                if (!Files.isRegularFile(dir.resolve("status"))) {
                    // an admindir the user named must be one; a root without dpkg (a container) is no problem
                    String message = dir + " is not a dpkg admin directory (no status file)";
                    if (asked) {
                        context.warn(message);
                    } else {
                        context.note(message);
                    }
                    continue;
                }
                try {
                    for (DebPackage p : DpkgDatabase.read(dir, FIELDS)) {
                        if (p.isPresent()) {
                            out.add(row(p, admindir, root.pid(), namespaceId));
                        }
                    }
                } catch (IOException e) {
                    context.warn("cannot read " + dir + ": " + e.getMessage());
                }
            }
        }
    }

    /** Where an admin directory lies under a root: the default one in its /var, any other from its "/". */
    private static Path admindir(HostPaths paths, String admindir) {
        return admindir.equals(DEFAULT_ADMINDIR) ? paths.var().resolve("lib/dpkg") : paths.resolve(admindir);
    }

    static Row row(DebPackage p, String admindir, long pid, String mountNamespaceId) {
        Row row = new Row(SPEC);
        row.set(NAME, p.name());
        row.set(VERSION, p.version());
        row.set(SOURCE, p.field("Source"));
        row.set(SIZE, p.installedSizeKiB());
        row.set(ARCH, p.architecture());
        row.set(REVISION, p.revision());
        row.set(STATUS, p.status());
        row.set(MAINTAINER, p.field("Maintainer"));
        row.set(SECTION, p.field("Section"));
        row.set(PRIORITY, p.field("Priority"));
        row.set(ADMINDIR, admindir);
        row.set(PID_WITH_NAMESPACE, pid);
        row.set(MOUNT_NAMESPACE_ID, mountNamespaceId);
        return row;
    }
}
