package dev.vigil.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcalls into the C library for the file-system calls Vigil makes by raw byte names: each handle mirrors its
 * man page (open(2)'s openat, close(2), read(2), readlink(2)'s readlinkat, statx(2), getdents64(2)) and captures
 * errno. Callers check every return value. The constants are Linux's for x86-64 and arm64, checked against the
 * installed headers by a test. Each handle takes the errno capture segment as its first argument.
 */
final class Libc {
    static final boolean ARM64 = System.getProperty("os.arch").equals("aarch64");

    // fcntl.h
    static final int AT_FDCWD = -100;
    static final int O_RDONLY = 0;
    static final int O_NOCTTY = 0400;
    static final int O_NONBLOCK = 04000;
    static final int O_DIRECTORY = ARM64 ? 040000 : 0200000;
    static final int O_NOFOLLOW = ARM64 ? 0100000 : 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_NO_AUTOMOUNT = 0x800;
    static final int AT_EMPTY_PATH = 0x1000;
    // sys/stat.h
    static final int STATX_BASIC_STATS = 0x7ff;
    static final int STATX_BTIME = 0x800;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** int openat(int dirfd, const char *path, int flags, ... mode_t mode) */
    static final MethodHandle openat = LINKER.downcallHandle(find("openat"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            ERRNO, Linker.Option.firstVariadicArg(3));
    /** int close(int fd) */
    static final MethodHandle close = LINKER.downcallHandle(find("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO);
    /** ssize_t read(int fd, void *buf, size_t count) */
    static final MethodHandle read = LINKER.downcallHandle(find("read"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO);
    /** ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size) */
    static final MethodHandle readlinkat = LINKER.downcallHandle(find("readlinkat"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), ERRNO);
    /** int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf) */
    static final MethodHandle statx = LINKER.downcallHandle(find("statx"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
    /** ssize_t getdents64(int fd, void *dirp, size_t count) (glibc 2.30) */
    static final MethodHandle getdents64 = LINKER.downcallHandle(find("getdents64"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO);

    private Libc() {
    }

    private static MemorySegment find(String name) {
        if (!Libc.class.getModule().isNativeAccessEnabled()) {
            throw new IllegalStateException("Vigil reads files through the C library with the FFM API: start java with "
                    + "--enable-native-access=ALL-UNNAMED (the ./vigil launcher does)");
        }
        return LIBC.find(name).orElseThrow(() -> new IllegalStateException(
                "the C library lacks " + name + ": Vigil needs glibc 2.30 or later"));
    }

    /** The errno a call left in its capture segment. */
    static int errno(MemorySegment callState) {
        return (int) ERRNO_VALUE.get(callState, 0L);
    }

    /**
     * struct statx (linux/stat.h), 256 bytes; the offsets of the fields Vigil reads. Timestamps are struct
     * statx_timestamp { __s64 tv_sec; __u32 tv_nsec; __s32 reserved; }.
     */
    static final class Statx {
        static final long SIZE = 256;
        static final long MASK = 0;
        static final long BLKSIZE = 4;
        static final long NLINK = 16;
        static final long UID = 20;
        static final long GID = 24;
        static final long MODE = 28;
        static final long INO = 32;
        static final long SIZE_FIELD = 40;
        static final long BLOCKS = 48;
        static final long ATIME = 64;
        static final long BTIME = 80;
        static final long CTIME = 96;
        static final long MTIME = 112;
        static final long RDEV_MAJOR = 128;
        static final long RDEV_MINOR = 132;
        static final long DEV_MAJOR = 136;
        static final long DEV_MINOR = 140;

        private Statx() {
        }
    }

    /** struct linux_dirent64 (getdents64(2)): d_ino, d_off, d_reclen, d_type, then the NUL-terminated name. */
    static final class Dirent64 {
        static final long INO = 0;
        static final long RECLEN = 16;
        static final long TYPE = 18;
        static final long NAME = 19;

        private Dirent64() {
        }
    }

    /**
     * Native buffers for the calls one thread makes, reused from call to call so that reading a /proc file costs no
     * allocation: a path, the errno capture, a statx result, a read buffer and a directory-entry buffer. Freed by
     * the garbage collector with their thread.
     */
    static final class Scratch {
        static final int PATH_MAX = 4096;
        private static final ThreadLocal<Scratch> FOR_THREAD = ThreadLocal.withInitial(Scratch::new);

        final MemorySegment path;
        final MemorySegment callState;
        final MemorySegment statx;
        final MemorySegment dirents;
        final MemorySegment link;
        MemorySegment data;

        private Scratch() {
            Arena arena = Arena.ofAuto();
            path = arena.allocate(PATH_MAX + 1L);
            callState = arena.allocate(CALL_STATE);
            statx = arena.allocate(Statx.SIZE, 8);
            dirents = arena.allocate(64 * 1024, 8);
            link = arena.allocate(PATH_MAX + 1L);
            data = arena.allocate(16 * 1024, 8);
        }

        static Scratch get() {
            return FOR_THREAD.get();
        }

        /** Copies the name into the path buffer with its NUL; refuses names C cannot take. */
        MemorySegment cString(byte[] name, String doing) throws OsException {
            if (name.length > PATH_MAX) {
                throw new OsException(doing, name, 36 /* ENAMETOOLONG */);
            }
            for (byte b : name) {
                if (b == 0) {
                    throw new OsException(doing, name, 22 /* EINVAL: a NUL cannot be part of a file name */);
                }
            }
            MemorySegment.copy(name, 0, path, ValueLayout.JAVA_BYTE, 0, name.length);
            path.set(ValueLayout.JAVA_BYTE, name.length, (byte) 0);
            return path;
        }

        /** The read buffer, at least this many bytes long; its content is undefined. */
        MemorySegment data(long size) {
            if (data.byteSize() < size) {
                data = Arena.ofAuto().allocate(Math.max(size, data.byteSize() * 2), 8);
            }
            return data;
        }

        /** The read buffer, twice as long, keeping its first {@code keep} bytes. */
        MemorySegment grow(long keep) {
            MemorySegment bigger = Arena.ofAuto().allocate(data.byteSize() * 2, 8);
            MemorySegment.copy(data, 0, bigger, 0, keep);
            data = bigger;
            return data;
        }
    }
}
