package dev.vigil.tables.system;

import dev.vigil.sql.spi.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SystemInfoTableTest {
    private final Path root = TableRuns.resource("system/root");
    private final Path proc = TableRuns.resource("system/proc");
    private final Path dmi = TableRuns.resource("system/dmi");

    @Test
    void cpuInfoCountsThreadsCoresAndSockets() throws Exception {
        CpuInfo cpu = CpuInfo.parse(Files.readString(proc.resolve("cpuinfo")));

        assertThat(cpu).isEqualTo(new CpuInfo("Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz", "85", "0x2006e05", 8, 4, 2));
    }

    @Test
    void cpuInfoWithoutTopologyLeavesCoresAndSocketsUnknown() {
        CpuInfo cpu = CpuInfo.parse("processor\t: 0\nBogoMIPS\t: 50.00\n\nprocessor\t: 1\nBogoMIPS\t: 50.00\n");

        assertThat(cpu).isEqualTo(new CpuInfo(null, null, null, 2, null, null));
    }

    @Test
    void memTotalIsConvertedFromKibibytes() {
        assertThat(CpuInfo.memTotalBytes("MemFree: 1 kB\nMemTotal:  2048 kB\n")).isEqualTo(2_097_152L);
        assertThat(CpuInfo.memTotalBytes("MemFree: 1 kB\n")).isNull();
    }

    @Test
    void fqdnIsTheFirstNameOfTheHostsLineListingTheHost() throws Exception {
        String hosts = Files.readString(root.resolve("etc/hosts"));

        assertThat(HostNames.fullyQualified("web01", hosts)).isEqualTo("web01.corp.example.com");
        assertThat(HostNames.fullyQualified("db02", hosts)).isEqualTo("db02");
    }

    @Test
    void rowFromFixtures() throws Exception {
        Row r = TableRuns.scan(new SystemInfoTable(root, proc, dmi)).getFirst();

        assertThat(r.get(SystemInfoTable.HOSTNAME)).isEqualTo("web01.corp.example.com");
        assertThat(r.get(SystemInfoTable.LOCAL_HOSTNAME)).isEqualTo("web01.corp.example.com");
        assertThat(r.get(SystemInfoTable.COMPUTER_NAME)).isEqualTo("web01");
        assertThat(r.get(SystemInfoTable.UUID)).isEqualTo("4C4C4544-0042-3510-8052-B4C04F4E5A31");
        assertThat(r.get(SystemInfoTable.CPU_TYPE)).isEqualTo("x86_64");
        assertThat(r.get(SystemInfoTable.CPU_SUBTYPE)).isEqualTo("85");
        assertThat(r.get(SystemInfoTable.CPU_LOGICAL_CORES)).isEqualTo(8L);
        assertThat(r.get(SystemInfoTable.CPU_PHYSICAL_CORES)).isEqualTo(4L);
        assertThat(r.get(SystemInfoTable.CPU_SOCKETS)).isEqualTo(2L);
        assertThat(r.get(SystemInfoTable.CPU_MICROCODE)).isEqualTo("0x2006e05");
        assertThat(r.get(SystemInfoTable.PHYSICAL_MEMORY)).isEqualTo(16318412L * 1024);
        assertThat(r.get(SystemInfoTable.HARDWARE_VENDOR)).isEqualTo("QEMU");
        assertThat(r.get(SystemInfoTable.HARDWARE_MODEL)).isEqualTo("Standard PC (Q35 + ICH9, 2009)");
        assertThat(r.get(SystemInfoTable.HARDWARE_SERIAL)).isNull();
        assertThat(r.get(SystemInfoTable.BOARD_MODEL)).isEqualTo("X11SPL");
        assertThat(r.get(SystemInfoTable.BOARD_SERIAL)).isNull();
    }

    @Test
    void withoutDmiHardwareColumnsAreNull(@TempDir Path noDmi) throws Exception {
        Row r = TableRuns.scan(new SystemInfoTable(root, proc, noDmi)).getFirst();

        assertThat(r.get(SystemInfoTable.UUID)).isNull();
        assertThat(r.get(SystemInfoTable.HARDWARE_VENDOR)).isNull();
        assertThat(r.get(SystemInfoTable.BOARD_VENDOR)).isNull();
    }
}
