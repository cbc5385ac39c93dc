package dev.vigil.sql.spi;

/**
 * Stops the Java side of a running statement: the session cancels it (from any thread) and the work done for the
 * statement on its own thread (scans through {@link QueryContext#checkCancelled()}, SQL functions through
 * {@link #checkCurrent()}) sees it and throws {@link QueryCancelledException}. Thread-safe.
 */
public final class Cancellation {
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();
    private volatile String reason;

    /** Marks the statement stopped; the first reason given is kept. */
    public void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    /** Why the statement was stopped, or null while it may go on. */
    public String reason() {
        return reason;
    }

    /** Throws if the statement was stopped. */
    public void check() {
        String why = reason;
        if (why != null) {
            throw new QueryCancelledException(why);
        }
    }

    /** Makes this the cancellation of the statement running on the calling thread, until {@link #leave()}. */
    public void enter() {
        CURRENT.set(this);
    }

    /** Ends {@link #enter()} on the calling thread. */
    public void leave() {
        CURRENT.remove();
    }

    /** For SQL functions, which get no context: throws if the statement running on this thread was stopped. */
    public static void checkCurrent() {
        Cancellation current = CURRENT.get();
        if (current != null) {
            current.check();
        }
    }
}
