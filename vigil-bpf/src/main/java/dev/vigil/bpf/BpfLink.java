package dev.vigil.bpf;

import java.lang.foreign.MemorySegment;

/**
 * An attachment of a program to a hook (bpf_link): a libbpf link, or the file descriptor of a link Vigil created
 * itself with bpf(BPF_LINK_CREATE). Closing it detaches the program (bpf_link__destroy, or close(2)); idempotent
 * and thread-safe. Its {@link BpfObject} closes it too, before closing itself.
 */
public final class BpfLink implements AutoCloseable {
    private final BpfObject object;
    private final String description;
    private MemorySegment handle;
    private int fd;

    BpfLink(BpfObject object, String description, MemorySegment handle) {
        this.object = object;
        this.description = description;
        this.handle = handle;
        this.fd = -1;
    }

    BpfLink(BpfObject object, String description, int fd) {
        this.object = object;
        this.description = description;
        this.handle = null;
        this.fd = fd;
    }

    /** What is attached where, such as {@code uprobe getaddrinfo to /usr/lib/x86_64-linux-gnu/libc.so.6}. */
    public String description() {
        return description;
    }

    public synchronized boolean isOpen() {
        return handle != null || fd >= 0;
    }

    @Override
    public void close() {
        MemorySegment h;
        int f;
        synchronized (this) {
            h = handle;
            f = fd;
            handle = null;
            fd = -1;
        }
        if (h == null && f < 0) {
            return;
        }
        object.unregister(this);
        try {
            int ignored = h != null ? (int) Libbpf.LINK_DESTROY.invokeExact(h) : (int) Libbpf.CLOSE.invokeExact(f);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    @Override
    public String toString() {
        return "BpfLink[" + description + "]";
    }
}
