package dev.vigil.bpf;

/**
 * Symbolic names of Linux errno values on x86-64 and arm64 (asm-generic/errno-base.h, asm-generic/errno.h, and
 * the kernel-internal values of include/linux/errno.h that BPF syscalls leak, such as ENOTSUPP 524).
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int ENOSYS = 38;
    public static final int EOPNOTSUPP = 95;
    public static final int ENOTSUPP = 524;

    private Errno() {
    }

    /** The symbolic name, such as {@code ENOENT}, or {@code errno N} for a value without one here. */
    public static String name(int errno) {
        int e = Math.abs(errno);
        return switch (e) {
            case 0 -> "success";
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
            case 22 -> "EINVAL";
            case 24 -> "EMFILE";
            case 25 -> "ENOTTY";
            case 28 -> "ENOSPC";
            case 34 -> "ERANGE";
            case 38 -> "ENOSYS";
            case 61 -> "ENODATA";
            case 71 -> "EPROTO";
            case 74 -> "EBADMSG";
            case 95 -> "EOPNOTSUPP";
            case 524 -> "ENOTSUPP";
            case 4001 -> "LIBBPF_ERRNO__LIBELF";
            case 4002 -> "LIBBPF_ERRNO__FORMAT";
            case 4003 -> "LIBBPF_ERRNO__KVERSION";
            case 4004 -> "LIBBPF_ERRNO__ENDIAN";
            case 4005 -> "LIBBPF_ERRNO__INTERNAL";
            case 4006 -> "LIBBPF_ERRNO__RELOC";
            case 4007 -> "LIBBPF_ERRNO__LOAD";
            case 4008 -> "LIBBPF_ERRNO__VERIFY";
            case 4009 -> "LIBBPF_ERRNO__PROG2BIG";
            case 4010 -> "LIBBPF_ERRNO__KVER";
            case 4011 -> "LIBBPF_ERRNO__PROGTYPE";
            case 4012 -> "LIBBPF_ERRNO__WRNGPID";
            case 4013 -> "LIBBPF_ERRNO__INVSEQ";
            case 4014 -> "LIBBPF_ERRNO__NLPARSE";
            default -> "errno " + e;
        };
    }
}
