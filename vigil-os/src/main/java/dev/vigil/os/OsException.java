package dev.vigil.os;

import java.io.IOException;

/**
 * A C library call failed: what was being done, on which file, and the errno, as in
 * "listing /root/.ssh: EACCES (permission denied)". Cheap to throw (no stack trace): tables meet vanished
 * processes and unreadable files at every scan.
 */
public final class OsException extends IOException {
    private final int errno;
    private final byte[] path;

    public OsException(String doing, byte[] path, int errno) {
        super(doing + " " + PathText.display(path) + ": " + Errno.describe(errno), null);
        this.errno = errno;
        this.path = path.clone();
    }

    /** A refusal that is Vigil's own, not the kernel's (such as "not a regular file"); errno 0. */
    OsException(String doing, byte[] path, String reason) {
        super(doing + " " + PathText.display(path) + ": " + reason, null);
        this.errno = 0;
        this.path = path.clone();
    }

    /** The errno, such as {@link Errno#ENOENT}. */
    public int errno() {
        return errno;
    }

    /** The file's raw name. */
    public byte[] path() {
        return path.clone();
    }

    /** True if the file (or a directory on its path) does not exist. */
    public boolean notFound() {
        return errno == Errno.ENOENT || errno == Errno.ENOTDIR;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
