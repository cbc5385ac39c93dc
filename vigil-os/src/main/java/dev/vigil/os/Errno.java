package dev.vigil.os;

/** Linux errno values (asm-generic/errno-base.h, errno.h) by name and with strerror(3)'s meaning. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EACCES = 13;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENAMETOOLONG = 36;
    public static final int ELOOP = 40;

    private Errno() {
    }

    /** The symbolic name and meaning, such as {@code ENOENT (no such file or directory)}. */
    public static String describe(int errno) {
        String meaning = meaning(errno);
        return meaning == null ? name(errno) : name(errno) + " (" + meaning + ")";
    }

    /** The symbolic name, such as {@code ENOENT}, or {@code errno N}. */
    public static String name(int errno) {
        return switch (errno) {
            case 1 -> "EPERM";
            case 2 -> "ENOENT";
            case 3 -> "ESRCH";
            case 4 -> "EINTR";
            case 5 -> "EIO";
            case 6 -> "ENXIO";
            case 7 -> "E2BIG";
            case 8 -> "ENOEXEC";
            case 9 -> "EBADF";
            case 11 -> "EAGAIN";
            case 12 -> "ENOMEM";
            case 13 -> "EACCES";
            case 14 -> "EFAULT";
            case 16 -> "EBUSY";
            case 17 -> "EEXIST";
            case 19 -> "ENODEV";
            case 20 -> "ENOTDIR";
            case 21 -> "EISDIR";
            case 22 -> "EINVAL";
            case 23 -> "ENFILE";
            case 24 -> "EMFILE";
            case 25 -> "ENOTTY";
            case 26 -> "ETXTBSY";
            case 28 -> "ENOSPC";
            case 34 -> "ERANGE";
            case 36 -> "ENAMETOOLONG";
            case 38 -> "ENOSYS";
            case 40 -> "ELOOP";
            case 61 -> "ENODATA";
            case 71 -> "EPROTO";
            case 74 -> "EBADMSG";
            case 75 -> "EOVERFLOW";
            case 95 -> "EOPNOTSUPP";
            case 116 -> "ESTALE";
            default -> "errno " + errno;
        };
    }

    private static String meaning(int errno) {
        return switch (errno) {
            case 1 -> "operation not permitted";
            case 2 -> "no such file or directory";
            case 3 -> "no such process";
            case 5 -> "input/output error";
            case 12 -> "out of memory";
            case 13 -> "permission denied";
            case 20 -> "not a directory";
            case 21 -> "is a directory";
            case 22 -> "invalid argument";
            case 24 -> "too many open files";
            case 36 -> "file name too long";
            case 40 -> "too many levels of symbolic links";
            default -> null;
        };
    }
}
