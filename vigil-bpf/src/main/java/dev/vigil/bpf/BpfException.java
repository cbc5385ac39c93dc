package dev.vigil.bpf;

/**
 * A libbpf or BPF syscall failure, with what was being done, to what, and the errno the kernel or libbpf
 * returned. The message reads like {@code attaching uprobe getaddrinfo to /lib/x86_64-linux-gnu/libc.so.6: ENOENT},
 * followed by the last libbpf warning when there was one (the verifier's complaint, for instance).
 */
public final class BpfException extends Exception {
    private final String operation;
    private final String target;
    private final int errno;

    /**
     * @param operation what was being done, such as {@code "attaching uprobe getaddrinfo to"}
     * @param target    what it was done to, such as a path, program or map name
     * @param errno     the positive errno value (libbpf's negative returns are negated by the caller)
     * @param detail    libbpf's own explanation, or null
     */
    public BpfException(String operation, String target, int errno, String detail) {
        super(operation + " " + target + ": " + Errno.name(errno) + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")"));
        this.operation = operation;
        this.target = target;
        this.errno = Math.abs(errno);
    }

    public String operation() {
        return operation;
    }

    public String target() {
        return target;
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    public String errnoName() {
        return Errno.name(errno);
    }
}
