package dev.vigil.os;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * A regular file open for reading (from {@link HostFiles#openRegular}), with the status it had when opened. Owns
 * its descriptor: close it. Confined to one thread at a time.
 */
public final class RegularFile implements AutoCloseable {
    private final byte[] path;
    private final FileStat status;
    private int fd;

    RegularFile(int fd, byte[] path, FileStat status) {
        this.fd = fd;
        this.path = path;
        this.status = status;
    }

    /** The file's status when it was opened. */
    public FileStat status() {
        return status;
    }

    /** Reads up to {@code length} bytes into the array; returns how many, 0 at the end of the file. */
    public int read(byte[] into, int offset, int length) throws OsException {
        if (fd < 0) {
            throw new IllegalStateException("file closed");
        }
        Libc.Scratch s = Libc.Scratch.get();
        MemorySegment buffer = s.data(length);
        int n = (int) HostFiles.read(fd, buffer.asSlice(0, length), path);
        MemorySegment.copy(buffer, JAVA_BYTE, 0, into, offset, n);
        return n;
    }

    @Override
    public void close() {
        if (fd >= 0) {
            HostFiles.close(fd);
            fd = -1;
        }
    }
}
