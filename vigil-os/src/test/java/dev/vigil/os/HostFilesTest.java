package dev.vigil.os;

import dev.vigil.testkit.OpenDescriptors;
import dev.vigil.testkit.RawNames;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files by raw names on the real file system, including the hostile ones: FIFOs, sockets, devices, loops. */
class HostFilesTest {
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe};

    private static byte[] bytes(Path p) {
        return p.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNameThatIsNotUtf8IsListedStatedAndReadByItsBytes(@TempDir Path dir) throws Exception {
        RawNames.shell(dir, NOT_UTF8, "printf 'hello' > \"$N\"");
        List<DirectoryEntry> entries = HostFiles.list(bytes(dir), true);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().name()).isEqualTo(NOT_UTF8);
        assertThat(entries.getFirst().type()).isEqualTo(DirectoryEntry.DT_REG);
        byte[] path = RawNames.join(dir, NOT_UTF8);
        FileStat status = HostFiles.stat(path);
        assertThat(status.isRegularFile()).isTrue();
        assertThat(status.size()).isEqualTo(5);
        assertThat(status.inode()).isEqualTo(entries.getFirst().inode());
        try (RegularFile f = HostFiles.openRegular(path, false)) {
            byte[] content = new byte[16];
            assertThat(f.read(content, 0, 16)).isEqualTo(5);
            assertThat(new String(content, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("hello");
            assertThat(f.read(content, 0, 16)).isZero();
        }
    }

    @Test
    void statMatchesJavaNioWhereJavaCanNameTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "12345678");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        FileStat s = HostFiles.stat(bytes(file));
        assertThat(s.inode()).isEqualTo(Files.getAttribute(file, "unix:ino"));
        assertThat(s.device()).isEqualTo(Files.getAttribute(file, "unix:dev"));
        assertThat(s.mode()).isEqualTo(Files.getAttribute(file, "unix:mode"));
        assertThat(s.uid()).isEqualTo(((Integer) Files.getAttribute(file, "unix:uid")).longValue());
        assertThat(s.hardLinks()).isEqualTo(1);
        assertThat(s.size()).isEqualTo(8);
        assertThat(s.mtime()).isEqualTo(1_000_000_000L);
        assertThat(s.blockSize()).isPositive();
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        assertThat(HostFiles.lstat(bytes(link)).isSymbolicLink()).isTrue();
        assertThat(HostFiles.stat(bytes(link)).sameFile(s)).isTrue();
        assertThat(HostFiles.readLink(bytes(link))).isEqualTo(bytes(file));
    }

    @Test
    void aMissingFileSaysWhatWasAskedAndWhy(@TempDir Path dir) {
        byte[] missing = bytes(dir.resolve("absent"));
        assertThatThrownBy(() -> HostFiles.lstat(missing)).isInstanceOf(OsException.class)
                .hasMessage("reading the status of " + dir.resolve("absent") + ": ENOENT (no such file or directory)")
                .satisfies(e -> assertThat(((OsException) e).notFound()).isTrue());
        assertThatThrownBy(() -> HostFiles.lstat("/etc/passwd/".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("ENOTDIR");
        assertThatThrownBy(() -> HostFiles.stat("a\0b".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("EINVAL");
    }

    @Test
    void aNameWithControlBytesCannotForgeLinesInAMessage(@TempDir Path dir) {
        byte[] forged = RawNames.join(dir, "x\nFORGED\u001b[31m".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> HostFiles.lstat(forged)).hasMessageContaining("x\\x0AFORGED\\x1B[31m")
                .hasMessageNotContaining("\n");
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void nothingButADirectoryIsListedAndNothingButARegularFileIsRead(@TempDir Path dir) throws Exception {
        Requirements.requireRoot(); // mknod
        Path fifo = dir.resolve("fifo");
        run("mkfifo", fifo.toString());
        Path device = dir.resolve("null-device");
        run("mknod", device.toString(), "c", "1", "3");
        Path socketPath = dir.resolve("socket");
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(socketPath));
            for (Path p : List.of(fifo, device, socketPath, Files.writeString(dir.resolve("file"), "x"))) {
                assertThatThrownBy(() -> HostFiles.list(bytes(p), true)).as(p.toString())
                        .hasMessageContaining("ENOTDIR");
            }
            for (Path p : List.of(fifo, device, socketPath, dir)) {
                assertThatThrownBy(() -> HostFiles.openRegular(bytes(p), true)).as(p.toString())
                        .hasMessageContaining("not a regular file");
            }
        }
        assertThat(HostFiles.lstat(bytes(fifo)).mode() & FileStat.S_IFMT).isEqualTo(FileStat.S_IFIFO);
        assertThat(HostFiles.lstat(bytes(device)).rdev()).isEqualTo(FileStat.makedev(1, 3));
    }

    @Test
    void symbolicLinksAreFollowedOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path toSub = Files.createSymbolicLink(dir.resolve("to-sub"), sub);
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("loop"));
        Path toFile = Files.createSymbolicLink(dir.resolve("to-file"), Files.writeString(dir.resolve("f"), "data"));
        assertThat(HostFiles.list(bytes(toSub), true)).isEmpty();
        assertThatThrownBy(() -> HostFiles.list(bytes(toSub), false)).hasMessageContaining("ENOTDIR");
        assertThatThrownBy(() -> HostFiles.list(bytes(loop), true)).hasMessageContaining("ELOOP");
        assertThatThrownBy(() -> HostFiles.openRegular(bytes(toFile), false)).hasMessageContaining("not a regular file");
        try (RegularFile f = HostFiles.openRegular(bytes(toFile), true)) {
            assertThat(f.status().size()).isEqualTo(4);
        }
    }

    @Test
    void aLargeDirectoryIsListedWhole(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 5000; i++) {
            Files.createFile(dir.resolve("entry-with-a-longish-name-" + i));
        }
        List<DirectoryEntry> entries = HostFiles.list(bytes(dir), true);
        assertThat(entries).hasSize(5000);
        assertThat(entries.stream().map(DirectoryEntry::toString).distinct()).hasSize(5000);
    }

    @Test
    void systemFilesAreReadWholeWhateverTheirLength() throws Exception {
        // a JVM maps hundreds of regions: smaps runs to hundreds of kilobytes, far past the first read buffer
        byte[] smaps = HostFiles.readSystemFile("/proc/self/smaps".getBytes(StandardCharsets.US_ASCII), 1 << 26);
        assertThat(smaps.length).isGreaterThan(64 * 1024);
        String text = new String(smaps, StandardCharsets.UTF_8);
        assertThat(text).contains("[stack]").endsWith("\n");
        assertThat(text.lines().filter(l -> l.startsWith("VmFlags:")).count())
                .isEqualTo(text.lines().filter(l -> l.matches("^[0-9a-f]+-[0-9a-f]+ .*")).count());
        byte[] limited = HostFiles.readSystemFile("/proc/self/smaps".getBytes(StandardCharsets.US_ASCII), 100);
        assertThat(limited).hasSize(100).isEqualTo(Arrays.copyOf(smaps, 100));
        String stat = new String(HostFiles.readSystemFile(
                ("/proc/" + ProcessHandle.current().pid() + "/stat").getBytes(StandardCharsets.US_ASCII), 4096),
                StandardCharsets.US_ASCII);
        assertThat(stat).startsWith(ProcessHandle.current().pid() + " (");
    }

    @Test
    void noDescriptorIsLeakedOnSuccessOrFailure(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "content");
        List<String> before = OpenDescriptors.all();
        for (int i = 0; i < 2000; i++) {
            HostFiles.list(bytes(dir), true);
            try (RegularFile f = HostFiles.openRegular(bytes(file), true)) {
                f.read(new byte[8], 0, 8);
            }
            assertThatThrownBy(() -> HostFiles.openRegular(bytes(dir), true)).isInstanceOf(OsException.class);
            assertThatThrownBy(() -> HostFiles.list(bytes(file), true)).isInstanceOf(OsException.class);
            HostFiles.readSystemFile("/proc/self/stat".getBytes(StandardCharsets.US_ASCII), 4096);
        }
        assertThat(OpenDescriptors.all()).isEqualTo(before);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
