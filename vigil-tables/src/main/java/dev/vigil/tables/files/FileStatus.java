package dev.vigil.tables.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What stat(2) says about a path, read through java.nio's {@code unix} attribute view, with osquery's rules
 * for symbolic links: a link is stat'ed through to its target; if the target is missing (a dangling link), the
 * link's own lstat(2) values are kept and the type is {@code unknown}.
 *
 * @param symlink       true if the path itself is a symbolic link
 * @param symlinkTarget the link's target as readlink(2) gives it; null if not a link
 * @param type          osquery's file type: regular, directory, symlink, character, block, fifo, socket or unknown
 * @param device        st_dev of the file system holding the file, for looking up its block size
 * @param rdev          st_rdev, the device a character or block special file stands for (osquery's "device")
 * @param btime         birth time in epoch seconds, or 0 when the file system does not say (osquery's Linux value)
 */
public record FileStatus(long inode, long uid, long gid, int mode, long device, long rdev, long size, long atime,
                         long mtime, long ctime, long btime, long hardLinks, boolean symlink, String symlinkTarget,
                         String type) {

    // inode(7)
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    /**
     * Reads the status of a path.
     *
     * @throws IOException if the path itself cannot be lstat'ed (missing, a component is not a directory, access)
     */
    public static FileStatus read(Path path) throws IOException {
        Map<String, Object> link = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        if (((int) link.get("mode") & S_IFMT) != S_IFLNK) {
            return of(link, false, null, true);
        }
        String target = Files.readSymbolicLink(path).toString();
        try {
            return of(Files.readAttributes(path, "unix:*"), true, target, true);
        } catch (IOException dangling) {
            return of(link, true, target, false);
        }
    }

    private static FileStatus of(Map<String, Object> a, boolean symlink, String target, boolean typeKnown) {
        int mode = (int) a.get("mode");
        FileTime modified = (FileTime) a.get("lastModifiedTime");
        FileTime created = (FileTime) a.get("creationTime");
        return new FileStatus((long) a.get("ino"), (int) a.get("uid") & 0xffffffffL,
                (int) a.get("gid") & 0xffffffffL, mode, (long) a.get("dev"), (long) a.get("rdev"),
                (long) a.get("size"), seconds((FileTime) a.get("lastAccessTime")), seconds(modified),
                seconds((FileTime) a.get("ctime")), birthSeconds(created, modified), (int) a.get("nlink"),
                symlink, target, typeKnown ? typeName(mode) : "unknown");
    }

    /**
     * java.nio answers creationTime() with the modification time when statx(2) gives no birth time, so the two
     * being equal to the nanosecond means "not known" (or a file never written after its creation, whose birth
     * time osquery shows as 0 on Linux anyway).
     */
    private static long birthSeconds(FileTime created, FileTime modified) {
        return created == null || created.equals(modified) ? 0 : seconds(created);
    }

    private static long seconds(FileTime time) {
        return time.to(TimeUnit.SECONDS);
    }

    /** The type named by the S_IFMT bits of st_mode (inode(7)). */
    static String typeName(int mode) {
        return switch (mode & S_IFMT) {
            case 0100000 -> "regular";
            case 0040000 -> "directory";
            case 0120000 -> "symlink";
            case 0020000 -> "character";
            case 0060000 -> "block";
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            default -> "unknown";
        };
    }

    /** The permission bits as four octal digits, setuid/setgid/sticky first: {@code 0644}, {@code 4755}. */
    public String permissions() {
        return String.format("%04o", mode & 07777);
    }

    public boolean isRegularFile() {
        return type.equals("regular");
    }
}
