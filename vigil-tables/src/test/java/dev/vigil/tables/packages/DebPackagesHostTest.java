package dev.vigil.tables.packages;

import dev.vigil.sql.spi.Row;
import dev.vigil.tables.system.TableRuns;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deb_packages on this host against dpkg-query, which lists every package that is not "not-installed". */
class DebPackagesHostTest {

    @Test
    void packagesMatchDpkgQuery() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/var/lib/dpkg/status")), "not a dpkg system");
        List<String> expected = TableRuns.run("dpkg-query", "-W",
                "-f=${Package} ${Version} ${Architecture} ${Installed-Size} ${Status}\\n").lines().toList();

        List<Row> rows = TableRuns.scan(new DebPackagesTable());
        List<String> actual = rows.stream().map(r -> r.get(DebPackagesTable.NAME) + " "
                + r.get(DebPackagesTable.VERSION) + " " + r.get(DebPackagesTable.ARCH) + " "
                + (r.get(DebPackagesTable.SIZE) == null ? "" : r.get(DebPackagesTable.SIZE)) + " "
                + r.get(DebPackagesTable.STATUS)).toList();

        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
}
