package dev.vigil.sensors.dns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LibcLocatorTest {

    @Test
    void findsGlibcPathsInMaps(@TempDir Path proc) throws Exception {
        Path pid = Files.createDirectories(proc.resolve("42"));
        Files.writeString(pid.resolve("maps"), """
                55d0c0a00000-55d0c0a28000 r--p 00000000 08:01 1234 /usr/bin/getent
                7f3c2a000000-7f3c2a028000 r--p 00000000 08:01 5678 /usr/lib/x86_64-linux-gnu/libc.so.6
                7f3c2a200000-7f3c2a228000 r--p 00000000 08:01 999 /lib/libc-2.17.so
                7f3c2b000000-7f3c2b028000 r--p 00000000 08:01 777 /usr/lib/x86_64-linux-gnu/libcrypt.so.1
                7ffd0e000000-7ffd0e021000 rw-p 00000000 00:00 0 [stack]
                """);
        assertThat(LibcLocator.mappedLibcs(pid)).containsExactlyInAnyOrder(
                "/usr/lib/x86_64-linux-gnu/libc.so.6", "/lib/libc-2.17.so");
        assertThat(LibcLocator.mappedLibcs(proc.resolve("43"))).isEmpty();
    }

    @Test
    void thisHostHasOurOwnLibc() throws Exception {
        var found = new LibcLocator().find();
        assertThat(found).isNotEmpty();
        assertThat(found).extracting(LibcLocator.Libc::fileKey).doesNotHaveDuplicates();
    }
}
