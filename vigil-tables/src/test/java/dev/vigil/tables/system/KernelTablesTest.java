package dev.vigil.tables.system;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.tables.FixtureFiles;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KernelTablesTest {
    @TempDir
    Path dir;

    private HostPaths fixtureHost() {
        return FakeHost.in(dir).copy("/proc", FixtureFiles.path("system/proc")).paths();
    }

    @Test
    void commandLineSplitsBootImageAndRootFromTheRest() {
        KernelCommandLine line = KernelCommandLine.parse("BOOT_IMAGE=/vmlinuz ro root=/dev/sda1  quiet\n");

        assertThat(line).isEqualTo(new KernelCommandLine("/vmlinuz", "/dev/sda1", "ro quiet"));
        assertThat(KernelCommandLine.parse("console=ttyS0 panic=1")).isEqualTo(
                new KernelCommandLine(null, null, "console=ttyS0 panic=1"));
    }

    @Test
    void releaseIsTheThirdWordOfProcVersion() {
        assertThat(KernelCommandLine.releaseFromProcVersion("Linux version 6.8.0-45-generic (buildd@lcy02) #45"))
                .isEqualTo("6.8.0-45-generic");
        assertThat(KernelCommandLine.releaseFromProcVersion("something else")).isNull();
    }

    @Test
    void kernelInfoRowFromFixture() throws Exception {
        List<Row> rows = TableScan.of(new KernelInfoTable(fixtureHost()), List.of()).rows();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(KernelInfoTable.VERSION)).isEqualTo("6.1.0-18-amd64");
            assertThat(r.get(KernelInfoTable.PATH)).isEqualTo("/boot/vmlinuz-6.1.0-18-amd64");
            assertThat(r.get(KernelInfoTable.DEVICE)).isEqualTo("UUID=0a1b2c3d-1111-2222-3333-444455556666");
            assertThat(r.get(KernelInfoTable.ARGUMENTS)).isEqualTo("ro quiet splash");
        });
    }

    @Test
    void modulesFromFixture() throws Exception {
        KernelModulesTable table = new KernelModulesTable(fixtureHost());
        List<Row> rows = TableScan.of(table, List.of()).rows();

        assertThat(table.unsupported()).isEmpty();
        assertThat(rows).extracting(r -> r.get(KernelModulesTable.NAME))
                .containsExactly("nf_tables", "nfnetlink", "loop", "vboxdrv", "unloading_mod");
        Row nfTables = rows.get(0);
        assertThat(nfTables.get(KernelModulesTable.SIZE)).isEqualTo(364544L);
        assertThat(nfTables.get(KernelModulesTable.USED_BY)).isEqualTo("nft_chain_nat,nft_compat");
        assertThat(nfTables.get(KernelModulesTable.STATUS)).isEqualTo("Live");
        assertThat(nfTables.get(KernelModulesTable.ADDRESS)).isEqualTo("0xffffffffc0b5e000");
        assertThat(rows.get(2).get(KernelModulesTable.USED_BY)).isEqualTo("-");
        assertThat(rows.get(3).get(KernelModulesTable.ADDRESS)).isEqualTo("0x0000000000000000");
        assertThat(rows.get(4).get(KernelModulesTable.STATUS)).isEqualTo("Unloading");
    }

    @Test
    void withoutProcModulesTheTableIsUnsupportedAndHasNoRows() throws Exception {
        FakeHost host = FakeHost.in(dir).file("/proc/version", "Linux version 6.1.0 (gcc) #1\n");
        KernelModulesTable table = new KernelModulesTable(host.paths());

        assertThat(table.unsupported()).hasValueSatisfying(
                reason -> assertThat(reason).contains(host.path("/proc/modules").toString()));
        assertThat(TableScan.of(table, List.of()).rows()).isEmpty();
    }
}
