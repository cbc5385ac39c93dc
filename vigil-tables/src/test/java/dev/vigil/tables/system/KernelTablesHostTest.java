package dev.vigil.tables.system;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** kernel_info and kernel_modules on this host against uname, /proc/cmdline and lsmod. */
class KernelTablesHostTest {

    @Test
    void kernelInfoVersionIsUnameRelease() throws Exception {
        Row row = TableScan.of(new KernelInfoTable(HostPaths.live()), List.of()).rows().getFirst();

        assertThat(row.get(KernelInfoTable.VERSION)).isEqualTo(HostCommand.run("uname", "-r").trim());
    }

    @Test
    void kernelInfoArgumentsAreTheCommandLineWithoutBootImageAndRoot() throws Exception {
        List<String> words = List.of(Files.readString(Path.of("/proc/cmdline")).trim().split("\\s+"));
        Row row = TableScan.of(new KernelInfoTable(HostPaths.live()), List.of()).rows().getFirst();

        List<String> rest = words.stream().filter(w -> !w.startsWith("BOOT_IMAGE=") && !w.startsWith("root=")).toList();
        assertThat(row.get(KernelInfoTable.ARGUMENTS)).isEqualTo(String.join(" ", rest));
        assertThat(row.get(KernelInfoTable.PATH)).isEqualTo(words.stream().filter(w -> w.startsWith("BOOT_IMAGE="))
                .map(w -> w.substring(11)).findFirst().orElse(null));
    }

    @Test
    void kernelModulesAreLsmodsModules() throws Exception {
        KernelModulesTable table = new KernelModulesTable(HostPaths.live());
        List<Object> names = TableScan.of(table, List.of()).column(KernelModulesTable.NAME);

        if (!Files.exists(Path.of("/proc/modules"))) {
            assertThat(table.unsupported()).as("kernel without module support").isPresent();
            assertThat(names).isEmpty();
            return;
        }
        assertThat(table.unsupported()).isEmpty();
        List<String> lsmod = HostCommand.run("lsmod").lines().skip(1).map(l -> l.split("\\s+")[0]).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(lsmod);
    }
}
