package dev.vigil.bpf;

import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The option-struct sizes and offsets the binding writes, checked against the installed libbpf.h with gcc. */
class OptionStructLayoutTest {

    @Test
    void offsetsMatchInstalledHeaders(@TempDir Path dir) throws Exception {
        Requirements.require(Files.exists(Path.of("/usr/include/bpf/libbpf.h")), "libbpf-dev headers not installed");
        Path source = dir.resolve("layout.c");
        Files.writeString(source, """
                #include <stdio.h>
                #include <stddef.h>
                #include <bpf/libbpf.h>
                int main(void) {
                    printf("open_opts %zu\\n", sizeof(struct bpf_object_open_opts));
                    printf("open_opts.object_name %zu\\n", offsetof(struct bpf_object_open_opts, object_name));
                    printf("uprobe_opts %zu\\n", sizeof(struct bpf_uprobe_opts));
                    printf("uprobe_opts.retprobe %zu\\n", offsetof(struct bpf_uprobe_opts, retprobe));
                    printf("uprobe_opts.func_name %zu\\n", offsetof(struct bpf_uprobe_opts, func_name));
                    return 0;
                }
                """);
        Path binary = dir.resolve("layout");
        Process gcc = new ProcessBuilder("gcc", source.toString(), "-o", binary.toString()).inheritIO().start();
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as("gcc exit status").isZero();
        Process run = new ProcessBuilder(binary.toString()).start();
        Map<String, Long> c = new HashMap<>();
        for (String line : new String(run.getInputStream().readAllBytes()).split("\n")) {
            String[] kv = line.split(" ");
            c.put(kv[0], Long.parseLong(kv[1]));
        }
        assertThat(c).containsEntry("open_opts", Libbpf.OPEN_OPTS_SIZE)
                .containsEntry("open_opts.object_name", Libbpf.OPEN_OPTS_OBJECT_NAME)
                .containsEntry("uprobe_opts", Libbpf.UPROBE_OPTS_SIZE)
                .containsEntry("uprobe_opts.retprobe", Libbpf.UPROBE_OPTS_RETPROBE)
                .containsEntry("uprobe_opts.func_name", Libbpf.UPROBE_OPTS_FUNC_NAME);
    }

    @Test
    void libbpfIsRecentEnough() {
        assertThat(Libbpf.checkVersion()).matches("\\d+\\.\\d+");
    }
}
