package dev.vigil.tables.packages;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

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
        List<String> expected = HostCommand.run("dpkg-query", "-W",
                "-f=${Package} ${Version} ${Architecture} ${Installed-Size} ${Status}\\n").lines().toList();

        DebPackagesTable table = new DebPackagesTable(HostPaths.live());
        List<Row> rows = TableScan.of(table, List.of()).rows();
        List<String> actual = rows.stream().map(r -> r.get(DebPackagesTable.NAME) + " "
                + r.get(DebPackagesTable.VERSION) + " " + r.get(DebPackagesTable.ARCH) + " "
                + (r.get(DebPackagesTable.SIZE) == null ? "" : r.get(DebPackagesTable.SIZE)) + " "
                + r.get(DebPackagesTable.STATUS)).toList();

        assertThat(table.unsupported()).isEmpty();
        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
}
