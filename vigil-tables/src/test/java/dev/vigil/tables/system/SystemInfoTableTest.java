package dev.vigil.tables.system;

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

class SystemInfoTableTest {
    private final Path proc = FixtureFiles.path("system/proc");
    private final Path etc = FixtureFiles.path("system/root/etc");

    @TempDir
    Path dir;

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
        String hosts = Files.readString(etc.resolve("hosts"));

        assertThat(HostNames.fullyQualified("web01", hosts)).isEqualTo("web01.corp.example.com");
        assertThat(HostNames.fullyQualified("db02", hosts)).isEqualTo("db02");
    }

    @Test
    void rowFromFixtures() throws Exception {
        FakeHost host = FakeHost.in(dir).copy("/proc", proc).copy("/etc", etc)
                .copy("/sys/class/dmi/id", FixtureFiles.path("system/dmi"));
        Row r = TableScan.of(new SystemInfoTable(host.paths()), List.of()).rows().getFirst();

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
    void withoutDmiHardwareColumnsAreNull() throws Exception {
        FakeHost host = FakeHost.in(dir).copy("/proc", proc).copy("/etc", etc);
        Row r = TableScan.of(new SystemInfoTable(host.paths()), List.of()).rows().getFirst();

        assertThat(r.get(SystemInfoTable.UUID)).isNull();
        assertThat(r.get(SystemInfoTable.HARDWARE_VENDOR)).isNull();
        assertThat(r.get(SystemInfoTable.BOARD_VENDOR)).isNull();
    }
}
