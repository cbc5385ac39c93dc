package dev.vigil.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C for a running one-shot command: the first SIGINT stops the work (the statement, in SQLite and in the Java
 * tables it calls) so the command can say so and exit 130; a second one ends the JVM at once. The previous handler
 * comes back on close. Thread-safe.
 */
final class Interrupts implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private final AtomicBoolean happened = new AtomicBoolean();
    private SignalHandler previous;

    /** Runs the action on the first Ctrl-C from now on. */
    synchronized void onInterrupt(Runnable action) {
        previous = Signal.handle(INT, signal -> {
            if (happened.getAndSet(true)) {
                Runtime.getRuntime().halt(QueryCommand.INTERRUPTED);
            }
            action.run();
        });
    }

    /** True once Ctrl-C was pressed. */
    boolean happened() {
        return happened.get();
    }

    @Override
    public synchronized void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
            previous = null;
        }
    }
}
