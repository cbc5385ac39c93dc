package dev.vigil.bpf;

import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Function offsets against a shared library the test compiles, whose functions' first bytes it knows. */
class ElfSymbolsTest {

    @Test
    void offsetsPointAtTheFunctionsCode(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("probe.c");
        Files.writeString(source, """
                int vigil_first(void) { return 0x5a17c0de; }
                int vigil_second(void) { return 0x0badf00d; }
                static int hidden(void) { return 1; }
                int (*keep)(void) = hidden;
                """);
        Path library = dir.resolve("libprobe.so");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O2", "-fPIC", "-shared", "-o", library.toString(), source.toString())
                    .inheritIO().start();
        } catch (java.io.IOException e) {
            Requirements.require(false, "gcc is not installed: " + e.getMessage());
            return;
        }
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as("gcc builds the test library").isZero();
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "expects x86-64 code");

        Map<String, Long> offsets = ElfSymbols.functionOffsets(library, Set.of("vigil_first", "vigil_second", "absent"));
        assertThat(offsets).containsOnlyKeys("vigil_first", "vigil_second");
        byte[] file = Files.readAllBytes(library);
        // mov $imm32, %eax is b8 followed by the immediate, little-endian
        assertThat(bytesAt(file, offsets.get("vigil_first"), 5)).containsExactly(0xb8, 0xde, 0xc0, 0x17, 0x5a);
        assertThat(bytesAt(file, offsets.get("vigil_second"), 5)).containsExactly(0xb8, 0x0d, 0xf0, 0xad, 0x0b);
    }

    @Test
    void theSystemLibcHasGetaddrinfo() throws Exception {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        assumeTrue(Files.exists(libc), "no x86-64 glibc here");
        Map<String, Long> offsets = ElfSymbols.functionOffsets(libc, Set.of("getaddrinfo", "gethostbyname", "gethostbyname2"));
        assertThat(offsets).containsOnlyKeys("getaddrinfo", "gethostbyname", "gethostbyname2");
        assertThat(offsets.values()).allSatisfy(offset -> assertThat(offset).isPositive().isLessThan(Files.size(libc)));
    }

    @Test
    void aFileThatIsNotElfIsAClearError(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("not-elf"), "just text, long enough to hold an ELF header if it were one....");
        assertThatThrownBy(() -> ElfSymbols.functionOffsets(text, Set.of("main")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a 64-bit little-endian ELF file");
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(Path.of("/proc/self/exe")), 80);
        Path cut = Files.write(dir.resolve("cut"), truncated);
        assertThatThrownBy(() -> ElfSymbols.functionOffsets(cut, Set.of("main")))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated or malformed");
    }

    private static int[] bytesAt(byte[] file, long offset, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = file[(int) offset + i] & 0xff;
        }
        return out;
    }
}
