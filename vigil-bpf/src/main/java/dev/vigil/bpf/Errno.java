package dev.vigil.bpf;

/**
 * Names of the errno values libbpf and BPF syscalls return: the Linux ones ({@link dev.vigil.os.Errno}), the
 * kernel-internal ENOTSUPP (524) that BPF syscalls leak, and libbpf's own LIBBPF_ERRNO__* codes (libbpf.h).
 */
public final class Errno {
    public static final int ENOENT = dev.vigil.os.Errno.ENOENT;
    public static final int EINTR = dev.vigil.os.Errno.EINTR;
    public static final int ENOSYS = 38;
    public static final int ENOTSUPP = 524;

    private Errno() {
    }

    /** The symbolic name, such as {@code ENOENT}, whatever the sign; {@code errno N} for a value without one. */
    public static String name(int errno) {
        int e = Math.abs(errno);
        return switch (e) {
            case 0 -> "success";
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
            default -> dev.vigil.os.Errno.name(e);
        };
    }
}
