package dev.vigil.bpf;

import java.lang.foreign.MemorySegment;

/**
 * An attachment of a program to a hook (bpf_link). Closing it detaches the program (bpf_link__destroy);
 * idempotent and thread-safe. Its {@link BpfObject} closes it too, before closing itself.
 */
public final class BpfLink implements AutoCloseable {
    private final BpfObject object;
    private final String description;
    private MemorySegment handle;

    BpfLink(BpfObject object, String description, MemorySegment handle) {
        this.object = object;
        this.description = description;
        this.handle = handle;
    }

    /** What is attached where, such as {@code uprobe getaddrinfo to /usr/lib/x86_64-linux-gnu/libc.so.6}. */
    public String description() {
        return description;
    }

    public synchronized boolean isOpen() {
        return handle != null;
    }

    @Override
    public void close() {
        MemorySegment h;
        synchronized (this) {
            h = handle;
            handle = null;
        }
        if (h == null) {
            return;
        }
        object.unregister(this);
        try {
            int ignored = (int) Libbpf.LINK_DESTROY.invokeExact(h);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    @Override
    public String toString() {
        return "BpfLink[" + description + "]";
    }
}
