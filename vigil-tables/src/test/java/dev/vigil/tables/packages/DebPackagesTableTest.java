package dev.vigil.tables.packages;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.tables.FixtureFiles;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DebPackagesTableTest {
    /** A host tree with /var/lib/dpkg/status and a pending journal in /var/lib/dpkg/updates. */
    private final Path root = FixtureFiles.path("packages/root");

    @TempDir
    Path dir;

    @Test
    void statusStanzasKeepContinuationLines() throws Exception {
        List<DebPackage> packages = DpkgStatusFile.parse(Files.readString(root.resolve("var/lib/dpkg/status")));

        assertThat(packages).extracting(DebPackage::name).containsExactly("libc6", "libc6", "xz-utils",
                "removed-but-configured", "purged", "being-upgraded");
        DebPackage libc = packages.get(0);
        assertThat(libc.field("description")).startsWith("GNU C Library: Shared libraries\nContains")
                .contains("\n.\n");
        assertThat(libc.revision()).isEqualTo("9+deb12u4");
        assertThat(libc.installedSizeKiB()).isEqualTo(12987L);
        assertThat(packages.get(3).revision()).isNull();
        assertThat(packages.get(3).field("conffiles")).contains("/etc/removed.conf");
    }

    @Test
    void onlyTheFieldsAskedForAreKept() throws Exception {
        List<DebPackage> packages = DpkgStatusFile.parse(Files.readString(root.resolve("var/lib/dpkg/status")),
                java.util.Set.of("version"));

        assertThat(packages).hasSize(6);
        assertThat(packages.get(0).fields()).containsOnlyKeys("package", "version");
        assertThat(packages.get(0).version()).isEqualTo("2.36-9+deb12u4");
    }

    @Test
    void crlfLineEndsAndTrailingStanzaWithoutBlankLine() {
        List<DebPackage> packages = DpkgStatusFile.parse("Package: a\r\nVersion: 1\r\n\r\nPackage: b\nVersion: 2");

        assertThat(packages).extracting(DebPackage::version).containsExactly("1", "2");
    }

    @Test
    void presenceFollowsTheStatusState() {
        assertThat(pkg("install ok installed").isPresent()).isTrue();
        assertThat(pkg("deinstall ok config-files").isPresent()).isTrue();
        assertThat(pkg("purge ok not-installed").isPresent()).isFalse();
        assertThat(pkg(null).isPresent()).isFalse();
    }

    @Test
    void tableListsPresentPackagesWithJournalApplied() throws Exception {
        DebPackagesTable table = new DebPackagesTable(FakeHost.in(dir).copy("/", root).paths());
        List<Row> rows = TableScan.of(table, List.of()).rows();

        assertThat(table.unsupported()).isEmpty();
        assertThat(rows).extracting(r -> r.get(DebPackagesTable.NAME) + ":" + r.get(DebPackagesTable.ARCH))
                .containsExactly("libc6:amd64", "libc6:i386", "xz-utils:amd64", "removed-but-configured:all",
                        "being-upgraded:amd64");
        Row xz = rows.get(2);
        assertThat(xz.get(DebPackagesTable.VERSION)).isEqualTo("5.4.1-0.2");
        assertThat(xz.get(DebPackagesTable.SOURCE)).isEqualTo("xz-utils (5.4.1-0.2)");
        assertThat(xz.get(DebPackagesTable.SIZE)).isEqualTo(1031L);
        assertThat(xz.get(DebPackagesTable.REVISION)).isEqualTo("0.2");
        assertThat(xz.get(DebPackagesTable.STATUS)).isEqualTo("install ok installed");
        assertThat(xz.get(DebPackagesTable.MAINTAINER)).isEqualTo("Jonathan Nieder <jrnieder@gmail.com>");
        assertThat(xz.get(DebPackagesTable.SECTION)).isEqualTo("utils");
        assertThat(xz.get(DebPackagesTable.PRIORITY)).isEqualTo("standard");
        assertThat(xz.get(DebPackagesTable.ADMINDIR)).isEqualTo("/var/lib/dpkg");
        assertThat(xz.get(DebPackagesTable.PID_WITH_NAMESPACE)).isEqualTo(0L);
        Row upgraded = rows.get(4);
        assertThat(upgraded.get(DebPackagesTable.VERSION)).isEqualTo("1.1-1");
        assertThat(upgraded.get(DebPackagesTable.STATUS)).isEqualTo("install ok installed");
        assertThat(rows.get(3).get(DebPackagesTable.SOURCE)).isNull();
        assertThat(rows.get(3).get(DebPackagesTable.VERSION)).isEqualTo("1:2.0");
    }

    @Test
    void admindirConstraintReadsThoseDirectoriesAndWarnsAboutBadOnes() throws Exception {
        HostPaths host = FakeHost.in(dir).copy("/", root).copy("/srv/alt-dpkg", FixtureFiles.path("packages/alt"))
                .paths();
        DebPackagesTable table = new DebPackagesTable(host);

        TableScan scan = TableScan.of(table, List.of(TableScan.eq(DebPackagesTable.ADMINDIR, "/srv/alt-dpkg"),
                TableScan.eq(DebPackagesTable.ADMINDIR, "/nonexistent/dpkg")));

        assertThat(scan.rows()).extracting(r -> r.get(DebPackagesTable.NAME)).containsExactly("only-in-alt");
        assertThat(scan.rows().get(0).get(DebPackagesTable.ADMINDIR)).isEqualTo("/srv/alt-dpkg");
        assertThat(scan.warnings()).singleElement().asString().contains("/nonexistent/dpkg");
    }

    @Test
    void containerWithoutDpkgIsANoteNotAWarning() throws Exception {
        HostPaths host = FakeHost.in(dir).copy("/", root).directory("/proc/4242/root/etc").paths();

        TableScan scan = TableScan.of(new DebPackagesTable(host),
                List.of(TableScan.eq(DebPackagesTable.PID_WITH_NAMESPACE, 4242L)));

        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.notes()).singleElement().asString().contains("/proc/4242/root/var/lib/dpkg");
    }

    @Test
    void hostWithoutDpkgIsUnsupportedAndHasNoRowsAndNoWarning() throws Exception {
        FakeHost empty = FakeHost.in(dir);
        DebPackagesTable table = new DebPackagesTable(empty.paths());

        assertThat(table.unsupported()).hasValue(
                "no dpkg database: " + empty.path("/var/lib/dpkg/status") + " does not exist");
        TableScan scan = TableScan.of(table, List.of());
        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
    }

    private static DebPackage pkg(String status) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        fields.put("package", "p");
        if (status != null) {
            fields.put("status", status);
        }
        return new DebPackage(fields);
    }
}
