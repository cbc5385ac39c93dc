package dev.vigil.os;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The struct offsets and flag values Libc hard-codes, checked against the installed C headers. */
class LibcLayoutTest {

    @Test
    void matchesTheInstalledHeaders(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("layout.c");
        Files.writeString(c, """
                #define _GNU_SOURCE
                #include <stdio.h>
                #include <stddef.h>
                #include <fcntl.h>
                #include <sys/stat.h>
                #include <dirent.h>
                #define P(name, value) printf("%s=%ld\\n", name, (long)(value))
                int main(void) {
                  P("statx", sizeof(struct statx));
                  P("stx_mask", offsetof(struct statx, stx_mask));
                  P("stx_blksize", offsetof(struct statx, stx_blksize));
                  P("stx_nlink", offsetof(struct statx, stx_nlink));
                  P("stx_uid", offsetof(struct statx, stx_uid));
                  P("stx_gid", offsetof(struct statx, stx_gid));
                  P("stx_mode", offsetof(struct statx, stx_mode));
                  P("stx_ino", offsetof(struct statx, stx_ino));
                  P("stx_size", offsetof(struct statx, stx_size));
                  P("stx_blocks", offsetof(struct statx, stx_blocks));
                  P("stx_atime", offsetof(struct statx, stx_atime));
                  P("stx_btime", offsetof(struct statx, stx_btime));
                  P("stx_ctime", offsetof(struct statx, stx_ctime));
                  P("stx_mtime", offsetof(struct statx, stx_mtime));
                  P("stx_rdev_major", offsetof(struct statx, stx_rdev_major));
                  P("stx_rdev_minor", offsetof(struct statx, stx_rdev_minor));
                  P("stx_dev_major", offsetof(struct statx, stx_dev_major));
                  P("stx_dev_minor", offsetof(struct statx, stx_dev_minor));
                  P("d_ino", offsetof(struct dirent64, d_ino));
                  P("d_reclen", offsetof(struct dirent64, d_reclen));
                  P("d_type", offsetof(struct dirent64, d_type));
                  P("d_name", offsetof(struct dirent64, d_name));
                  P("AT_FDCWD", AT_FDCWD);
                  P("O_NOCTTY", O_NOCTTY);
                  P("O_NONBLOCK", O_NONBLOCK);
                  P("O_DIRECTORY", O_DIRECTORY);
                  P("O_NOFOLLOW", O_NOFOLLOW);
                  P("O_CLOEXEC", O_CLOEXEC);
                  P("O_PATH", O_PATH);
                  P("AT_SYMLINK_NOFOLLOW", AT_SYMLINK_NOFOLLOW);
                  P("AT_NO_AUTOMOUNT", AT_NO_AUTOMOUNT);
                  P("AT_EMPTY_PATH", AT_EMPTY_PATH);
                  P("STATX_BASIC_STATS", STATX_BASIC_STATS);
                  P("STATX_BTIME", STATX_BTIME);
                  P("DT_DIR", DT_DIR);
                  P("DT_REG", DT_REG);
                  P("DT_LNK", DT_LNK);
                  return 0;
                }
                """);
        Map<String, Long> h = run(dir, c);
        assertThat(h.get("statx")).isEqualTo(Libc.Statx.SIZE);
        assertThat(h.get("stx_mask")).isEqualTo(Libc.Statx.MASK);
        assertThat(h.get("stx_blksize")).isEqualTo(Libc.Statx.BLKSIZE);
        assertThat(h.get("stx_nlink")).isEqualTo(Libc.Statx.NLINK);
        assertThat(h.get("stx_uid")).isEqualTo(Libc.Statx.UID);
        assertThat(h.get("stx_gid")).isEqualTo(Libc.Statx.GID);
        assertThat(h.get("stx_mode")).isEqualTo(Libc.Statx.MODE);
        assertThat(h.get("stx_ino")).isEqualTo(Libc.Statx.INO);
        assertThat(h.get("stx_size")).isEqualTo(Libc.Statx.SIZE_FIELD);
        assertThat(h.get("stx_blocks")).isEqualTo(Libc.Statx.BLOCKS);
        assertThat(h.get("stx_atime")).isEqualTo(Libc.Statx.ATIME);
        assertThat(h.get("stx_btime")).isEqualTo(Libc.Statx.BTIME);
        assertThat(h.get("stx_ctime")).isEqualTo(Libc.Statx.CTIME);
        assertThat(h.get("stx_mtime")).isEqualTo(Libc.Statx.MTIME);
        assertThat(h.get("stx_rdev_major")).isEqualTo(Libc.Statx.RDEV_MAJOR);
        assertThat(h.get("stx_rdev_minor")).isEqualTo(Libc.Statx.RDEV_MINOR);
        assertThat(h.get("stx_dev_major")).isEqualTo(Libc.Statx.DEV_MAJOR);
        assertThat(h.get("stx_dev_minor")).isEqualTo(Libc.Statx.DEV_MINOR);
        assertThat(h.get("d_ino")).isEqualTo(Libc.Dirent64.INO);
        assertThat(h.get("d_reclen")).isEqualTo(Libc.Dirent64.RECLEN);
        assertThat(h.get("d_type")).isEqualTo(Libc.Dirent64.TYPE);
        assertThat(h.get("d_name")).isEqualTo(Libc.Dirent64.NAME);
        assertThat(h.get("AT_FDCWD")).isEqualTo((long) Libc.AT_FDCWD);
        assertThat(h.get("O_NOCTTY")).isEqualTo((long) Libc.O_NOCTTY);
        assertThat(h.get("O_NONBLOCK")).isEqualTo((long) Libc.O_NONBLOCK);
        assertThat(h.get("O_DIRECTORY")).isEqualTo((long) Libc.O_DIRECTORY);
        assertThat(h.get("O_NOFOLLOW")).isEqualTo((long) Libc.O_NOFOLLOW);
        assertThat(h.get("O_CLOEXEC")).isEqualTo((long) Libc.O_CLOEXEC);
        assertThat(h.get("O_PATH")).isEqualTo((long) Libc.O_PATH);
        assertThat(h.get("AT_SYMLINK_NOFOLLOW")).isEqualTo((long) Libc.AT_SYMLINK_NOFOLLOW);
        assertThat(h.get("AT_NO_AUTOMOUNT")).isEqualTo((long) Libc.AT_NO_AUTOMOUNT);
        assertThat(h.get("AT_EMPTY_PATH")).isEqualTo((long) Libc.AT_EMPTY_PATH);
        assertThat(h.get("STATX_BASIC_STATS")).isEqualTo((long) Libc.STATX_BASIC_STATS);
        assertThat(h.get("STATX_BTIME")).isEqualTo((long) Libc.STATX_BTIME);
        assertThat(h.get("DT_DIR")).isEqualTo((long) DirectoryEntry.DT_DIR);
        assertThat(h.get("DT_REG")).isEqualTo((long) DirectoryEntry.DT_REG);
        assertThat(h.get("DT_LNK")).isEqualTo((long) DirectoryEntry.DT_LNK);
    }

    private static Map<String, Long> run(Path dir, Path source) throws Exception {
        Path exe = dir.resolve("layout");
        Process gcc = new ProcessBuilder("gcc", "-o", exe.toString(), source.toString()).redirectErrorStream(true).start();
        String gccOut = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as("gcc: " + gccOut).isZero();
        Process p = new ProcessBuilder(exe.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        Map<String, Long> values = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.split("=");
            values.put(kv[0], Long.parseLong(kv[1].trim()));
        }
        return values;
    }
}
