package dev.vigil.tables.packages;

import dev.vigil.sql.spi.Row;
import dev.vigil.tables.system.TableRuns;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DebPackagesTableTest {
    private final Path root = TableRuns.resource("packages/root");

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
        List<Row> rows = TableRuns.scan(new DebPackagesTable(root, root));

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
        Path alt = TableRuns.resource("packages/alt");
        DebPackagesTable table = new DebPackagesTable(Path.of("/"), Path.of("/proc"));
        List<String> warnings = new ArrayList<>();

        List<Row> rows = TableRuns.scan(table, TableRuns.where(table, warnings,
                DebPackagesTable.ADMINDIR, alt.toString(), DebPackagesTable.ADMINDIR, "/nonexistent/dpkg"));

        assertThat(rows).extracting(r -> r.get(DebPackagesTable.NAME)).containsExactly("only-in-alt");
        assertThat(rows.get(0).get(DebPackagesTable.ADMINDIR)).isEqualTo(alt.toString());
        assertThat(warnings).singleElement().asString().contains("/nonexistent/dpkg");
    }

    @Test
    void hostWithoutDpkgHasNoRowsAndNoWarning(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        DebPackagesTable table = new DebPackagesTable(empty, empty);
        List<String> warnings = new ArrayList<>();

        assertThat(TableRuns.scan(table, TableRuns.where(table, warnings))).isEmpty();
        assertThat(warnings).isEmpty();
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
