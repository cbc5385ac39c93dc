package dev.vigil.tables.files;

import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.vigil.testkit.TableScan.eq;
import static dev.vigil.testkit.TableScan.like;
import static org.assertj.core.api.Assertions.assertThat;

class FileTableTest {
    private final FileTable table = new FileTable();

    @TempDir
    Path dir;

    @Test
    void statOfAFileTheTestWrote() throws Exception {
        Path file = dir.resolve("written.txt");
        Files.writeString(file, "0123456789".repeat(123));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(file, FileTime.from(1_600_000_123L, TimeUnit.SECONDS));

        TableScan scan = TableScan.of(table, List.of(eq(FileTable.PATH, file.toString())));

        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.rows()).hasSize(1);
        Row row = scan.rows().getFirst();
        Map<String, Object> truth = Files.readAttributes(file, "unix:*", LinkOption.NOFOLLOW_LINKS);
        assertThat(row.get(FileTable.PATH)).isEqualTo(file.toString());
        assertThat(row.get(FileTable.DIRECTORY)).isEqualTo(dir.toString());
        assertThat(row.get(FileTable.FILENAME)).isEqualTo("written.txt");
        assertThat(row.get(FileTable.SIZE)).isEqualTo(1230L);
        assertThat(row.get(FileTable.MODE)).isEqualTo("0640");
        assertThat(row.get(FileTable.MTIME)).isEqualTo(1_600_000_123L);
        assertThat(row.get(FileTable.INODE)).isEqualTo(truth.get("ino"));
        assertThat(row.get(FileTable.UID)).isEqualTo((long) (int) truth.get("uid"));
        assertThat(row.get(FileTable.GID)).isEqualTo((long) (int) truth.get("gid"));
        assertThat(row.get(FileTable.HARD_LINKS)).isEqualTo(1L);
        assertThat(row.get(FileTable.TYPE)).isEqualTo("regular");
        assertThat(row.get(FileTable.SYMLINK)).isEqualTo(0L);
        assertThat(row.get(FileTable.SYMLINK_TARGET_PATH)).isNull();
        assertThat(row.get(FileTable.DEVICE)).isEqualTo(0L);
        assertThat(row.get(FileTable.BLOCK_SIZE)).isEqualTo(Long.parseLong(run("stat", "-c", "%o", file.toString())));
        long ctime = Long.parseLong(run("stat", "-c", "%Z", file.toString()));
        assertThat(row.get(FileTable.CTIME)).isEqualTo(ctime);
        String birth = run("stat", "-c", "%W", file.toString());
        assertThat((long) row.get(FileTable.BTIME)).isIn(0L, Long.parseLong(birth));
    }

    @Test
    void modeShowsSetuidBitsAndDirectoriesHaveTheirType() throws Exception {
        Path tool = dir.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\n");
        run("chmod", "4755", tool.toString());

        TableScan scan = TableScan.of(table, List.of(eq(FileTable.PATH, tool.toString()), eq(FileTable.PATH, dir.toString())));

        // paths come in byte order, as osquery's std::set gives them: the directory before the file in it
        assertThat(scan.column(FileTable.MODE)).containsExactly(
                String.format("%04o", (int) Files.getAttribute(dir, "unix:mode") & 07777), "4755");
        assertThat(scan.column(FileTable.TYPE)).containsExactly("directory", "regular");
    }

    @Test
    void characterDeviceShowsItsDeviceNumber() throws Exception {
        String[] majorMinor = run("stat", "-c", "%t %T", "/dev/null").split(" ");
        long major = Long.parseLong(majorMinor[0], 16);
        long minor = Long.parseLong(majorMinor[1], 16);

        Row row = TableScan.of(table, List.of(eq(FileTable.PATH, "/dev/null"))).rows().getFirst();

        assertThat(row.get(FileTable.TYPE)).isEqualTo("character");
        // gnu_dev_makedev(3)
        long rdev = (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xffL) << 12) | ((major & ~0xfffL) << 32);
        assertThat(row.get(FileTable.DEVICE)).isEqualTo(rdev);
    }

    @Test
    void symlinksAreFollowedAndNamed() throws Exception {
        Path target = dir.resolve("target.txt");
        Files.writeString(target, "hello");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("target.txt"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere"));

        TableScan scan = TableScan.of(table, List.of(eq(FileTable.PATH, link.toString()),
                eq(FileTable.PATH, dangling.toString())));

        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.column(FileTable.PATH)).containsExactly(dangling.toString(), link.toString());
        Row followed = scan.rows().get(1);
        assertThat(followed.get(FileTable.SYMLINK)).isEqualTo(1L);
        assertThat(followed.get(FileTable.SYMLINK_TARGET_PATH)).isEqualTo("target.txt");
        assertThat(followed.get(FileTable.TYPE)).isEqualTo("regular");
        assertThat(followed.get(FileTable.SIZE)).isEqualTo(5L);
        assertThat(followed.get(FileTable.INODE)).isEqualTo(Files.getAttribute(target, "unix:ino"));
        Row broken = scan.rows().get(0);
        assertThat(broken.get(FileTable.SYMLINK)).isEqualTo(1L);
        assertThat(broken.get(FileTable.SYMLINK_TARGET_PATH)).isEqualTo("nowhere");
        assertThat(broken.get(FileTable.TYPE)).isEqualTo("unknown");
        assertThat(broken.get(FileTable.INODE))
                .isEqualTo(Files.getAttribute(dangling, "unix:ino", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void directoryListsEveryEntryIncludingDotFiles() throws Exception {
        Files.writeString(dir.resolve("one"), "1");
        Files.writeString(dir.resolve(".two"), "22");
        Files.createDirectory(dir.resolve("three"));
        String asked = dir + "/";

        TableScan scan = TableScan.of(table, List.of(eq(FileTable.DIRECTORY, asked)));

        assertThat(scan.column(FileTable.PATH)).containsExactly(asked + ".two", asked + "one", asked + "three");
        assertThat(scan.column(FileTable.DIRECTORY)).containsOnly(asked);
        assertThat(scan.column(FileTable.FILENAME)).containsExactly(".two", "one", "three");
        assertThat(scan.column(FileTable.SIZE).subList(0, 2)).containsExactly(2L, 1L);
    }

    @Test
    void likeExpandsLikeOsquery() throws Exception {
        Files.writeString(dir.resolve("x.conf"), "x");
        Files.writeString(dir.resolve("y.txt"), "y");
        Files.createDirectories(dir.resolve("d/e"));
        Files.writeString(dir.resolve("d/e/z.conf"), "z");

        // a directory a pattern matches comes back with a trailing slash (glob's GLOB_MARK), its directory column
        // naming the directory itself and its filename "."
        TableScan one = TableScan.of(table, List.of(like(FileTable.PATH, dir + "/%")));
        assertThat(one.column(FileTable.PATH)).containsExactly(dir + "/d/", dir + "/x.conf", dir + "/y.txt");
        assertThat(one.column(FileTable.DIRECTORY)).containsExactly(dir + "/d", dir.toString(), dir.toString());
        assertThat(one.column(FileTable.FILENAME)).containsExactly(".", "x.conf", "y.txt");
        assertThat(TableScan.of(table, List.of(like(FileTable.PATH, dir + "/%%"))).column(FileTable.PATH))
                .containsExactly(dir + "/d/", dir + "/d/e/", dir + "/d/e/z.conf", dir + "/x.conf", dir + "/y.txt");
        TableScan listed = TableScan.of(table, List.of(like(FileTable.DIRECTORY, dir + "/%")));
        assertThat(listed.column(FileTable.PATH)).containsExactly(dir + "/d/e");
        assertThat(listed.column(FileTable.DIRECTORY)).containsExactly(dir + "/d/");
    }

    @Test
    void aMissingPathGivesNoRowAndANote() throws Exception {
        String missing = dir.resolve("does-not-exist").toString();

        TableScan scan = TableScan.of(table, List.of(eq(FileTable.PATH, missing), eq(FileTable.DIRECTORY, missing),
                eq(FileTable.PATH, "")));

        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.notes()).containsExactly(
                "file: reading the status of " + missing + ": ENOENT (no such file or directory)",
                "file: listing " + missing + ": ENOENT (no such file or directory)");
    }

    @Test
    void aFileNamedAsADirectoryIsNotFound() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "p");

        TableScan scan = TableScan.of(table, List.of(eq(FileTable.DIRECTORY, file.toString()),
                eq(FileTable.PATH, file + "/")));

        assertThat(scan.rows()).isEmpty();
        assertThat(scan.notes()).containsExactly(
                "file: reading the status of " + file + "/: ENOTDIR (not a directory)",
                "file: listing " + file + ": ENOTDIR (not a directory)");
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
