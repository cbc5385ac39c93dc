package dev.vigil.tables.system;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** os_version and system_info on this host against uname, the shell's reading of os-release, getconf and free. */
class SystemTablesHostTest {

    @Test
    void osVersionMatchesOsReleaseAsTheShellReadsIt() throws Exception {
        String file = Files.exists(Path.of("/etc/os-release")) ? "/etc/os-release" : "/usr/lib/os-release";
        String[] shell = HostCommand.run("sh", "-c",
                ". " + file + "; printf '%s|%s|%s|%s|%s' \"$NAME\" \"$VERSION\" \"$ID\" \"$ID_LIKE\" \"$VERSION_ID\"")
                .split("\\|", -1);
        Row r = TableScan.of(new OsVersionTable(HostPaths.live()), List.of()).rows().getFirst();

        assertThat(r.get(OsVersionTable.NAME)).isEqualTo(shell[0]);
        assertThat(r.get(OsVersionTable.VERSION)).isEqualTo(shell[1].isEmpty() ? null : shell[1]);
        assertThat(r.get(OsVersionTable.PLATFORM)).isEqualTo(shell[2]);
        assertThat(r.get(OsVersionTable.PLATFORM_LIKE)).isEqualTo(shell[3].isEmpty() ? null : shell[3]);
        String major = shell[4].split("\\.")[0];
        assertThat(r.get(OsVersionTable.MAJOR)).isEqualTo(major.matches("\\d+") ? Long.parseLong(major) : 0L);
        assertThat(r.get(OsVersionTable.ARCH)).isEqualTo(HostCommand.run("uname", "-m").trim());
    }

    @Test
    void systemInfoMatchesUnameGetconfFreeAndHostname() throws Exception {
        Row r = TableScan.of(new SystemInfoTable(HostPaths.live()), List.of()).rows().getFirst();

        assertThat(r.get(SystemInfoTable.CPU_TYPE)).isEqualTo(HostCommand.run("uname", "-m").trim());
        assertThat(r.get(SystemInfoTable.CPU_LOGICAL_CORES))
                .isEqualTo(Long.parseLong(HostCommand.run("getconf", "_NPROCESSORS_ONLN").trim()));
        String memLine = HostCommand.run("free", "-b").lines().filter(l -> l.startsWith("Mem:")).findFirst()
                .orElseThrow();
        assertThat(r.get(SystemInfoTable.PHYSICAL_MEMORY)).isEqualTo(Long.parseLong(memLine.split("\\s+")[1]));
        assertThat(r.get(SystemInfoTable.COMPUTER_NAME)).isEqualTo(HostCommand.run("hostname").trim());
        assertThat((String) r.get(SystemInfoTable.HOSTNAME)).startsWith((String) r.get(SystemInfoTable.COMPUTER_NAME));
    }

    @Test
    void systemInfoCpuBrandIsLscpusModelName() throws Exception {
        String model = HostCommand.run("lscpu").lines().filter(l -> l.startsWith("Model name:"))
                .map(l -> l.substring("Model name:".length()).trim()).findFirst().orElse(null);
        Row r = TableScan.of(new SystemInfoTable(HostPaths.live()), List.of()).rows().getFirst();

        assertThat(r.get(SystemInfoTable.CPU_BRAND)).isEqualTo(model);
    }

    @Test
    void systemInfoUuidIsTheDmiProductUuidWhenReadable() throws Exception {
        Path uuid = Path.of("/sys/class/dmi/id/product_uuid");
        Row r = TableScan.of(new SystemInfoTable(HostPaths.live()), List.of()).rows().getFirst();

        if (Files.isReadable(uuid)) {
            assertThat(r.get(SystemInfoTable.UUID)).isEqualTo(Files.readString(uuid).trim().toUpperCase(Locale.ROOT));
        } else {
            assertThat(r.get(SystemInfoTable.UUID)).isNull();
        }
    }
}
