package dev.vigil.bpf;

import dev.vigil.testkit.Requirements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;


/** Compiles src/test/bpf/probe_test.bpf.c once per JVM with clang, and skips tests that need root when not root. */
final class BpfTestObject {
    private static byte[] elf;

    private BpfTestObject() {
    }

    static synchronized byte[] elf() throws IOException, InterruptedException {
        if (elf == null) {
            Path source = Path.of("src/test/bpf/probe_test.bpf.c").toAbsolutePath();
            Path out = Path.of("target/test-bpf/probe_test.bpf.o").toAbsolutePath();
            Files.createDirectories(out.getParent());
            Process clang = new ProcessBuilder("clang", "-O2", "-g", "-target", "bpf",
                    "-I/usr/include/" + System.getProperty("os.arch").replace("amd64", "x86_64") + "-linux-gnu",
                    "-c", source.toString(), "-o", out.toString()).inheritIO().start();
            if (!clang.waitFor(60, TimeUnit.SECONDS) || clang.exitValue() != 0) {
                throw new IOException("clang failed on " + source + " (apt-get install clang libbpf-dev)");
            }
            elf = Files.readAllBytes(out);
        }
        return elf;
    }

    /** Skips the test unless this process may load tracing programs. */
    static void assumeBpfPrivileges() {
        Unsupported why = new FeatureProbe().checkPrivileges();
        Requirements.require(why == null, "not privileged: " + why);
    }

    /** The C library this JVM has mapped, from /proc/self/maps. */
    static Path libc() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash > 0 && line.matches(".*/libc[.-][^/]*so.*")) {
                return Path.of(line.substring(slash).strip());
            }
        }
        throw new IOException("no libc in /proc/self/maps");
    }
}
