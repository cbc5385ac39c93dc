package dev.vigil.os;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The host's files by their raw names: byte strings, as the kernel keeps them, whatever the JVM's locale. A file
 * named {@code \xff\xfe} is found, listed and read like any other, and a process started from cron under
 * {@code LANG=C} reads non-ASCII names as well as one started from a UTF-8 terminal. java.nio decodes names with the
 * locale's charset, so it cannot do either.
 *
 * <p>Safe with hostile trees: {@link #list} opens only directories (O_DIRECTORY: a FIFO, socket or device node is
 * refused by the kernel before any driver sees an open), and {@link #openRegular} opens only regular files (the
 * name is resolved once with O_PATH, checked, then reopened through that very descriptor), so naming
 * {@code /dev/watchdog} or a FIFO never arms, blocks or reads a device.
 *
 * <p>Every failure is an {@link OsException} naming the call, the file and the errno. Thread-safe: each thread uses
 * its own native buffers.
 */
public final class HostFiles {
    private static final byte[] PROC_SELF_FD = "/proc/self/fd/".getBytes(StandardCharsets.US_ASCII);
    private static final int MASK = Libc.STATX_BASIC_STATS | Libc.STATX_BTIME;

    private HostFiles() {
    }

    /** stat(2): the file a name leads to, following symbolic links. */
    public static FileStat stat(byte[] path) throws OsException {
        return statx(path, Libc.AT_NO_AUTOMOUNT, "reading the status of");
    }

    /** lstat(2): the file a name leads to, or the symbolic link itself if it is one. */
    public static FileStat lstat(byte[] path) throws OsException {
        return statx(path, Libc.AT_NO_AUTOMOUNT | Libc.AT_SYMLINK_NOFOLLOW, "reading the status of");
    }

    /** The status of a file, or null if it does not exist (or a component of its name is not a directory). */
    public static FileStat lstatIfExists(byte[] path) throws OsException {
        try {
            return lstat(path);
        } catch (OsException e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
    }

    private static FileStat statx(byte[] path, int flags, String doing) throws OsException {
        Libc.Scratch s = Libc.Scratch.get();
        MemorySegment name = s.cString(path, doing);
        int rc;
        try {
            rc = (int) Libc.statx.invokeExact(s.callState, Libc.AT_FDCWD, name, flags, MASK, s.statx);
        } catch (Throwable t) {
            throw new IllegalStateException("statx", t);
        }
        if (rc != 0) {
            throw new OsException(doing, path, Libc.errno(s.callState));
        }
        return fromStatx(s.statx);
    }

    private static FileStat fromStatx(MemorySegment b) {
        int mask = b.get(JAVA_INT, Libc.Statx.MASK);
        Long btime = (mask & Libc.STATX_BTIME) != 0 ? b.get(JAVA_LONG, Libc.Statx.BTIME) : null;
        return new FileStat(Short.toUnsignedInt(b.get(JAVA_SHORT, Libc.Statx.MODE)),
                b.get(JAVA_LONG, Libc.Statx.INO),
                FileStat.makedev(u32(b, Libc.Statx.DEV_MAJOR), u32(b, Libc.Statx.DEV_MINOR)),
                FileStat.makedev(u32(b, Libc.Statx.RDEV_MAJOR), u32(b, Libc.Statx.RDEV_MINOR)),
                u32(b, Libc.Statx.NLINK), u32(b, Libc.Statx.UID), u32(b, Libc.Statx.GID),
                b.get(JAVA_LONG, Libc.Statx.SIZE_FIELD), b.get(JAVA_LONG, Libc.Statx.BLOCKS),
                u32(b, Libc.Statx.BLKSIZE), b.get(JAVA_LONG, Libc.Statx.ATIME), b.get(JAVA_LONG, Libc.Statx.MTIME),
                b.get(JAVA_LONG, Libc.Statx.CTIME), btime);
    }

    private static long u32(MemorySegment b, long offset) {
        return Integer.toUnsignedLong(b.get(JAVA_INT, offset));
    }

    /** readlink(2): the raw target of a symbolic link. */
    public static byte[] readLink(byte[] path) throws OsException {
        Libc.Scratch s = Libc.Scratch.get();
        MemorySegment name = s.cString(path, "reading the link");
        long n;
        try {
            n = (long) Libc.readlinkat.invokeExact(s.callState, Libc.AT_FDCWD, name, s.link, (long) Libc.Scratch.PATH_MAX);
        } catch (Throwable t) {
            throw new IllegalStateException("readlinkat", t);
        }
        if (n < 0) {
            throw new OsException("reading the link", path, Libc.errno(s.callState));
        }
        return s.link.asSlice(0, n).toArray(JAVA_BYTE);
    }

    /**
     * The entries of a directory, without "." and "..", in the order the file system gives them. A final symbolic
     * link is followed unless {@code followLink} is false; anything that is not a directory is refused (ENOTDIR)
     * without being opened.
     */
    public static List<DirectoryEntry> list(byte[] path, boolean followLink) throws OsException {
        int flags = Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC | Libc.O_NONBLOCK | Libc.O_NOCTTY
                | (followLink ? 0 : Libc.O_NOFOLLOW);
        int fd = open(path, flags, "listing");
        try {
            return entries(fd, path);
        } finally {
            close(fd);
        }
    }

    private static List<DirectoryEntry> entries(int fd, byte[] path) throws OsException {
        Libc.Scratch s = Libc.Scratch.get();
        List<DirectoryEntry> out = new ArrayList<>();
        while (true) {
            long n;
            try {
                n = (long) Libc.getdents64.invokeExact(s.callState, fd, s.dirents, s.dirents.byteSize());
            } catch (Throwable t) {
                throw new IllegalStateException("getdents64", t);
            }
            if (n < 0) {
                throw new OsException("listing", path, Libc.errno(s.callState));
            }
            if (n == 0) {
                return out;
            }
            long offset = 0;
            while (offset < n) {
                int length = Short.toUnsignedInt(s.dirents.get(JAVA_SHORT, offset + Libc.Dirent64.RECLEN));
                long nameStart = offset + Libc.Dirent64.NAME;
                long nameEnd = nameStart;
                long recordEnd = offset + length;
                while (nameEnd < recordEnd && s.dirents.get(JAVA_BYTE, nameEnd) != 0) {
                    nameEnd++;
                }
                byte[] name = s.dirents.asSlice(nameStart, nameEnd - nameStart).toArray(JAVA_BYTE);
                if (!isDotOrDotDot(name)) {
                    out.add(new DirectoryEntry(name, s.dirents.get(JAVA_LONG, offset + Libc.Dirent64.INO),
                            Byte.toUnsignedInt(s.dirents.get(JAVA_BYTE, offset + Libc.Dirent64.TYPE))));
                }
                if (length == 0) {
                    throw new OsException("listing", path, Errno.EINVAL); // a corrupt record would loop for ever
                }
                offset = recordEnd;
            }
        }
    }

    private static boolean isDotOrDotDot(byte[] name) {
        return name.length == 1 && name[0] == '.' || name.length == 2 && name[0] == '.' && name[1] == '.';
    }

    /**
     * Reads a whole file of a pseudo file system (procfs, sysfs), up to {@code limit} bytes, with one open and reads
     * until end of file (these files report no size). Only for names the caller built, such as
     * {@code /proc/1234/stat}: the name is opened directly. For a name a query gave, use {@link #openRegular}.
     */
    public static byte[] readSystemFile(byte[] path, int limit) throws OsException {
        int fd = open(path, Libc.O_RDONLY | Libc.O_CLOEXEC | Libc.O_NOCTTY | Libc.O_NONBLOCK, "opening");
        try {
            Libc.Scratch s = Libc.Scratch.get();
            MemorySegment buffer = s.data(0);
            long length = 0;
            while (length < limit) {
                if (length == buffer.byteSize()) {
                    buffer = s.grow(length);
                }
                long n = read(fd, buffer.asSlice(length, Math.min(buffer.byteSize(), limit) - length), path);
                if (n == 0) {
                    break;
                }
                length += n;
            }
            return buffer.asSlice(0, length).toArray(JAVA_BYTE);
        } finally {
            close(fd);
        }
    }

    /**
     * Opens a file for reading only if it is a regular file. The name is resolved once (O_PATH, which opens
     * nothing), its type checked on that descriptor, and the same file reopened through /proc/self/fd: a FIFO,
     * socket or device node is refused without ever being opened, and a file swapped in between is never read.
     *
     * @param followLink follow a final symbolic link (refused as not regular otherwise)
     */
    public static RegularFile openRegular(byte[] path, boolean followLink) throws OsException {
        int handle = open(path, Libc.O_PATH | Libc.O_CLOEXEC | (followLink ? 0 : Libc.O_NOFOLLOW), "opening");
        try {
            FileStat status = fstat(handle, path);
            if (!status.isRegularFile()) {
                throw new OsException("opening", path, "not a regular file (" + typeName(status.mode()) + ")");
            }
            byte[] reopen = concat(PROC_SELF_FD, Integer.toString(handle).getBytes(StandardCharsets.US_ASCII));
            int fd;
            try {
                fd = open(reopen, Libc.O_RDONLY | Libc.O_CLOEXEC | Libc.O_NOCTTY, "opening");
            } catch (OsException e) {
                throw new OsException("opening", path, e.errno());
            }
            return new RegularFile(fd, path, status);
        } finally {
            close(handle);
        }
    }

    private static FileStat fstat(int fd, byte[] path) throws OsException {
        Libc.Scratch s = Libc.Scratch.get();
        MemorySegment empty = s.cString(new byte[0], "reading the status of");
        int rc;
        try {
            rc = (int) Libc.statx.invokeExact(s.callState, fd, empty, Libc.AT_EMPTY_PATH, MASK, s.statx);
        } catch (Throwable t) {
            throw new IllegalStateException("statx", t);
        }
        if (rc != 0) {
            throw new OsException("reading the status of", path, Libc.errno(s.callState));
        }
        return fromStatx(s.statx);
    }

    /** A file type for a message: "a directory", "a FIFO" ... */
    static String typeName(int mode) {
        return switch (mode & FileStat.S_IFMT) {
            case FileStat.S_IFDIR -> "a directory";
            case FileStat.S_IFIFO -> "a FIFO";
            case FileStat.S_IFSOCK -> "a socket";
            case FileStat.S_IFCHR -> "a character device";
            case FileStat.S_IFBLK -> "a block device";
            case FileStat.S_IFLNK -> "a symbolic link";
            case FileStat.S_IFREG -> "a regular file";
            default -> "of unknown type";
        };
    }

    /** The path of an entry in a directory: dir + "/" + name, without doubling a trailing slash. */
    public static byte[] child(byte[] directory, byte[] name) {
        boolean slash = directory.length > 0 && directory[directory.length - 1] == '/';
        byte[] out = Arrays.copyOf(directory, directory.length + (slash ? 0 : 1) + name.length);
        if (!slash) {
            out[directory.length] = '/';
        }
        System.arraycopy(name, 0, out, out.length - name.length, name.length);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int open(byte[] path, int flags, String doing) throws OsException {
        Libc.Scratch s = Libc.Scratch.get();
        MemorySegment name = s.cString(path, doing);
        int fd;
        try {
            fd = (int) Libc.openat.invokeExact(s.callState, Libc.AT_FDCWD, name, flags, 0);
        } catch (Throwable t) {
            throw new IllegalStateException("openat", t);
        }
        if (fd < 0) {
            throw new OsException(doing, path, Libc.errno(s.callState));
        }
        return fd;
    }

    static long read(int fd, MemorySegment into, byte[] path) throws OsException {
        Libc.Scratch s = Libc.Scratch.get();
        while (true) {
            long n;
            try {
                n = (long) Libc.read.invokeExact(s.callState, fd, into, into.byteSize());
            } catch (Throwable t) {
                throw new IllegalStateException("read", t);
            }
            if (n >= 0) {
                return n;
            }
            int errno = Libc.errno(s.callState);
            if (errno != Errno.EINTR) {
                throw new OsException("reading", path, errno);
            }
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) Libc.close.invokeExact(Libc.Scratch.get().callState, fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close", t);
        }
    }
}
