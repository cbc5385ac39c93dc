package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * osquery's {@code os_version} on Linux: os-release(5) fields mapped as osquery maps them (NAME, VERSION,
 * BUILD_ID, ID, ID_LIKE, VERSION_CODENAME or another *CODENAME key, VERSION_ID split into major.minor.patch),
 * with osquery's defaults when the file says nothing: name "Unknown", platform "posix", version parts 0.
 */
public final class OsVersionTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column NAME = COLUMNS.text("name", "Distribution or product name");
    static final Column VERSION = COLUMNS.text("version", "Pretty, suffixed version string");
    static final Column MAJOR = COLUMNS.integer("major", "Major release version");
    static final Column MINOR = COLUMNS.integer("minor", "Minor release version");
    static final Column PATCH = COLUMNS.integer("patch", "Optional patch release");
    static final Column BUILD = COLUMNS.text("build", "Optional build-specific or variant string");
    static final Column PLATFORM = COLUMNS.text("platform", "OS Platform or ID");
    static final Column PLATFORM_LIKE = COLUMNS.text("platform_like", "Closely related platforms");
    static final Column CODENAME = COLUMNS.text("codename", "OS version codename");
    static final Column ARCH = COLUMNS.text("arch", "OS Architecture");
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace",
            "Pids that contain a namespace", Column.Flag.ADDITIONAL, Column.Flag.HIDDEN);
    static final Column MOUNT_NAMESPACE_ID = COLUMNS.text("mount_namespace_id", "Mount namespace id",
            Column.Flag.HIDDEN);
    static final TableSpec SPEC = TableSpec.of("os_version",
            "A single row containing the operating system name and version.", COLUMNS,
            "SELECT name, version, platform, arch FROM os_version");

    private static final Pattern LEADING_DIGITS = Pattern.compile("\\d{1,18}");

    private final HostPaths host;

    public OsVersionTable(HostPaths host) {
        this.host = host;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        String arch = MachineArchitecture.of(host.proc());
        for (NamespaceRoots.Root root : NamespaceRoots.of(context, PID_WITH_NAMESPACE, host)) {
            Optional<String> text = TextFiles.readIfExists(root.paths().etc().resolve("os-release"));
            if (text.isEmpty()) {
                text = TextFiles.readIfExists(root.paths().resolve("/usr/lib/os-release"));
            }
            Row row = row(text.map(OsRelease::parse).orElse(Map.of()), arch);
            row.set(PID_WITH_NAMESPACE, root.pid());
            if (root.pid() != 0) {
                row.set(MOUNT_NAMESPACE_ID, MountNamespace.idOf(host.proc(), root.pid()));
            }
            out.add(row);
        }
    }

    static Row row(Map<String, String> release, String arch) {
        Row row = new Row(SPEC);
        row.set(NAME, release.getOrDefault("NAME", "Unknown"));
        row.set(VERSION, release.get("VERSION"));
        long[] parts = versionParts(release.get("VERSION_ID"));
        row.set(MAJOR, parts[0]);
        row.set(MINOR, parts[1]);
        row.set(PATCH, parts[2]);
        row.set(BUILD, release.get("BUILD_ID"));
        row.set(PLATFORM, release.getOrDefault("ID", "posix"));
        row.set(PLATFORM_LIKE, release.get("ID_LIKE"));
        row.set(CODENAME, codename(release));
        row.set(ARCH, arch);
        return row;
    }

    /** VERSION_ID "22.04.3" as {22, 4, 3}; parts that are missing or not numbers stay 0, as in osquery. */
    static long[] versionParts(String versionId) {
        long[] parts = new long[3];
        if (versionId == null) {
            return parts;
        }
        String[] split = versionId.split("\\.", 3);
        for (int i = 0; i < split.length; i++) {
            Matcher digits = LEADING_DIGITS.matcher(split[i]);
            if (digits.lookingAt()) {
                parts[i] = Long.parseLong(digits.group());
            }
        }
        return parts;
    }

    private static String codename(Map<String, String> release) {
        String codename = release.get("VERSION_CODENAME");
        if (codename != null && !codename.isEmpty()) {
            return codename;
        }
        for (Map.Entry<String, String> e : release.entrySet()) {
            if (e.getKey().contains("CODENAME") && !e.getValue().isEmpty()) {
                return e.getValue();
            }
        }
        return codename;
    }
}
