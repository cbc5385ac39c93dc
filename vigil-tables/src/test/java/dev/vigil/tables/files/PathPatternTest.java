package dev.vigil.tables.files;

import dev.vigil.os.Errno;
import dev.vigil.os.HostFiles;
import dev.vigil.os.OsException;
import dev.vigil.sql.text.RawText;
import dev.vigil.testkit.RawNames;
import dev.vigil.testkit.Requirements;
import dev.vigil.testkit.TableScan;

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
import java.util.ArrayList;
import java.util.List;

import static dev.vigil.testkit.TableScan.eq;
import static dev.vigil.testkit.TableScan.like;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patterns expand as osquery's do (resolveFilePattern: glob(3) with GLOB_MARK, then a depth-first walk for a
 * trailing %%), on hostile trees: names that are not UTF-8, FIFOs, sockets and device nodes that must never be
 * opened, symbolic-link loops, directories that cannot be listed, and a tree of 100,000 files.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an opened FIFO would block for ever
class PathPatternTest {
    private final FileTable file = new FileTable();

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> expand(String like, PathPattern.Keep keep, List<String> notes) {
        return expand(new PathPattern(notes::add, () -> { }), like, keep);
    }

    private List<String> expand(PathPattern pattern, String like, PathPattern.Keep keep) {
        return pattern.expand(bytes(like), PathPattern.Syntax.LIKE, keep, bytes(dir.toString()))
                .stream().map(RawText::decode).toList();
    }

    @Test
    void wildcardsSkipDotNamesUnlessThePatternStartsWithADot() throws Exception {
        Files.writeString(dir.resolve("visible"), "v");
        Files.writeString(dir.resolve(".hidden"), "h");
        assertThat(expand(dir + "/%", PathPattern.Keep.ALL, new ArrayList<>())).containsExactly(dir + "/visible");
        // glob(3) matches . and .. too when the pattern asks for a leading dot
        assertThat(expand(dir + "/.%", PathPattern.Keep.ALL, new ArrayList<>()))
                .containsExactly(dir + "/../", dir + "/./", dir + "/.hidden");
    }

    @Test
    void aRecursiveWalkListsHiddenEntriesBelowTheFirstLevelAndEachDirectoryOnce() throws Exception {
        Files.createDirectories(dir.resolve("a/.inner"));
        Files.writeString(dir.resolve("a/.inner/deep"), "d");
        Files.writeString(dir.resolve(".top"), "t");
        Files.createSymbolicLink(dir.resolve("a/loop"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("a/self"), Path.of("."));
        List<String> found = expand(dir + "/%%", PathPattern.Keep.ALL, new ArrayList<>());
        assertThat(found).doesNotContain(dir + "/.top");
        assertThat(found).contains(dir + "/a/", dir + "/a/.inner/", dir + "/a/.inner/deep");
        // links to directories are followed, marked as directories, and never walked twice: no endless loop
        assertThat(found).contains(dir + "/a/loop/", dir + "/a/self/");
        assertThat(found.stream().filter(p -> p.endsWith("/deep"))).hasSize(1);
    }

    @Test
    void nothingButDirectoriesIsEverOpened() throws Exception {
        Requirements.requireRoot(); // mknod
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.writeString(sub.resolve("plain"), "p");
        run("mkfifo", dir.resolve("fifo").toString());
        run("mknod", dir.resolve("watchdog-like").toString(), "c", "1", "3");
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(dir.resolve("socket")));
            // a pattern below each entry makes glob try every one of them as a directory
            assertThat(expand(dir + "/%/%", PathPattern.Keep.ALL, new ArrayList<>())).containsExactly(dir + "/sub/plain");
            assertThat(expand(dir + "/%%", PathPattern.Keep.ALL, new ArrayList<>())).containsExactly(
                    dir + "/fifo", dir + "/socket", dir + "/sub/", dir + "/sub/plain", dir + "/watchdog-like");
            TableScan listed = TableScan.of(file, List.of(like(FileTable.DIRECTORY, dir + "/%")));
            assertThat(listed.column(FileTable.PATH)).containsExactly(dir + "/sub/plain");
            TableScan hashed = TableScan.of(new HashTable(), List.of(like(HashTable.PATH, dir + "/%%")));
            assertThat(hashed.column(HashTable.PATH)).containsExactly(dir + "/sub/plain");
        }
    }

    @Test
    void aDirectoryThatCannotBeListedIsSkippedSaidAndTheWalkGoesOn() throws Exception {
        Files.createDirectories(dir.resolve("a/locked"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/after"), "x");
        byte[] locked = bytes(dir.resolve("a/locked") + "/");
        List<String> notes = new ArrayList<>();
        PathPattern pattern = new PathPattern(path -> {
            if (java.util.Arrays.equals(path, locked)) {
                throw new OsException("listing", path, Errno.EACCES);
            }
            return HostFiles.list(path, true);
        }, notes::add, () -> { });
        assertThat(expand(pattern, dir + "/%%", PathPattern.Keep.ALL))
                .containsExactly(dir + "/a/", dir + "/a/locked/", dir + "/b/", dir + "/b/after");
        assertThat(notes).containsExactly("listing " + dir + "/a/locked/: EACCES (permission denied) (skipped)");
    }

    @Test
    void aDirectoryTheKernelDeniesEvenToRootIsANoteNotAnError() throws Exception {
        Requirements.require(Files.isDirectory(Path.of("/proc/1/map_files")), "no /proc/1/map_files");
        TableScan scan = TableScan.of(file, List.of(eq(FileTable.DIRECTORY, "/proc/1/map_files"),
                like(FileTable.PATH, "/proc/1/map_files/%")));
        assertThat(scan.warnings()).isEmpty();
        if (!Files.isReadable(Path.of("/proc/1/map_files"))) {
            assertThat(scan.rows()).isEmpty();
            assertThat(scan.notes()).anySatisfy(n -> assertThat(n).contains("listing /proc/1/map_files"));
        }
    }

    @Test
    void namesThatAreNotUtf8AreFoundMatchedAndAskedForExactly() throws Exception {
        byte[] raw = {'r', 'a', 'w', (byte) 0xff, (byte) 0xfe};
        RawNames.shell(dir, raw, "printf 'content' > \"$N\"");
        String name = RawText.decode(RawNames.join(dir, raw));
        TableScan matched = TableScan.of(file, List.of(like(FileTable.PATH, dir + "/raw%")));
        assertThat(matched.column(FileTable.PATH)).containsExactly(name);
        assertThat(RawText.encode((String) matched.rows().getFirst().get(FileTable.PATH))).isEqualTo(RawNames.join(dir, raw));
        assertThat(TableScan.of(file, List.of(eq(FileTable.PATH, name))).column(FileTable.SIZE)).containsExactly(7L);
        assertThat(TableScan.of(file, List.of(eq(FileTable.DIRECTORY, dir.toString()))).column(FileTable.FILENAME))
                .containsExactly(RawText.decode(raw));
        assertThat(TableScan.of(new HashTable(), List.of(eq(HashTable.PATH, name))).column(HashTable.MD5))
                .containsExactly("9a0364b9e99bb480dd25e1f0284c8555");
    }

    @Test
    void relativePatternsFollowOsquerysRule() {
        byte[] cwd = bytes("/work");
        assertThat(RawText.decode(PathPattern.relativeToWorkingDirectory(bytes("logs/*.txt"), cwd))).isEqualTo("/work/logs/*.txt");
        assertThat(RawText.decode(PathPattern.relativeToWorkingDirectory(bytes("t/*"), cwd))).isEqualTo("t/*");
        assertThat(RawText.decode(PathPattern.relativeToWorkingDirectory(bytes("ab/*"), cwd))).isEqualTo("ab/*");
        assertThat(RawText.decode(PathPattern.relativeToWorkingDirectory(bytes("~/x/*"), cwd))).isEqualTo("~/x/*");
        assertThat(RawText.decode(PathPattern.relativeToWorkingDirectory(bytes("/etc/*"), cwd))).isEqualTo("/etc/*");
    }

    @Test
    void aTreeOfAHundredThousandFilesIsWalkedWhole() throws Exception {
        for (int d = 0; d < 100; d++) {
            Path sub = Files.createDirectory(dir.resolve("d" + d));
            for (int f = 0; f < 1000; f++) {
                Files.createFile(sub.resolve("f" + f));
            }
        }
        List<String> found = expand(dir + "/%%", PathPattern.Keep.ALL, new ArrayList<>());
        assertThat(found).hasSize(100_100);
        assertThat(TableScan.of(file, List.of(like(FileTable.PATH, dir + "/d7/%"))).rows()).hasSize(1000);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
