package dev.vigil.tables.system;

import dev.vigil.sql.spi.Row;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** kernel_info and kernel_modules on this host against uname, /proc/cmdline and lsmod. */
class KernelTablesHostTest {

    @Test
    void kernelInfoVersionIsUnameRelease() throws Exception {
        Row row = TableRuns.scan(new KernelInfoTable()).getFirst();

        assertThat(row.get(KernelInfoTable.VERSION)).isEqualTo(TableRuns.run("uname", "-r").trim());
    }

    @Test
    void kernelInfoArgumentsAreTheCommandLineWithoutBootImageAndRoot() throws Exception {
        List<String> words = List.of(Files.readString(Path.of("/proc/cmdline")).trim().split("\\s+"));
        Row row = TableRuns.scan(new KernelInfoTable()).getFirst();

        List<String> rest = words.stream().filter(w -> !w.startsWith("BOOT_IMAGE=") && !w.startsWith("root=")).toList();
        assertThat(row.get(KernelInfoTable.ARGUMENTS)).isEqualTo(String.join(" ", rest));
        assertThat(row.get(KernelInfoTable.PATH)).isEqualTo(words.stream().filter(w -> w.startsWith("BOOT_IMAGE="))
                .map(w -> w.substring(11)).findFirst().orElse(null));
    }

    @Test
    void kernelModulesAreLsmodsModules() throws Exception {
        List<Object> names = TableRuns.scan(new KernelModulesTable()).stream()
                .map(r -> r.get(KernelModulesTable.NAME)).toList();

        if (!Files.exists(Path.of("/proc/modules"))) {
            assertThat(names).as("kernel without module support").isEmpty();
            return;
        }
        List<String> lsmod = TableRuns.run("lsmod").lines().skip(1).map(l -> l.split("\\s+")[0]).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(lsmod);
    }
}
