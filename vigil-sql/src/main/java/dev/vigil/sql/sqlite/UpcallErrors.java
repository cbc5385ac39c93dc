package dev.vigil.sql.sqlite;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Reports a failure from inside an upcall without ever throwing: an exception that escapes an upcall ends the JVM
 * ("Unrecoverable uncaught exception"), and the failure being reported may be an OutOfMemoryError, a
 * StackOverflowError or an exception whose own getMessage() throws. Every method catches Throwable and falls back
 * to a message prepared in advance. Thread-safe.
 */
final class UpcallErrors {
    /** Used when even the description cannot be built. */
    static final String UNDESCRIBED = "an error that could not be described (out of memory or stack)";
    private static final MemorySegment UNDESCRIBED_C = Arena.global().allocateFrom("Vigil: " + UNDESCRIBED);

    private UpcallErrors() {
    }

    /** prefix + what went wrong: the message, or the exception's type when it has none. Never throws. */
    static String describe(String prefix, Throwable t) {
        try {
            return prefix + describe(t);
        } catch (Throwable secondary) {
            return UNDESCRIBED;
        }
    }

    /** What went wrong: the message, or the exception's type when it has none. Never throws. */
    static String describe(Throwable t) {
        try {
            if (t instanceof StackOverflowError) {
                return "stack overflow";
            }
            String message = t.getMessage();
            if (t instanceof OutOfMemoryError) {
                return message == null ? "out of memory" : "out of memory: " + message;
            }
            return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        } catch (Throwable secondary) {
            try {
                return t.getClass().getName();
            } catch (Throwable third) {
                return UNDESCRIBED;
            }
        }
    }

    /** Makes the SQL function or column call fail with the message (sqlite3_result_error). Never throws. */
    static void resultError(MemorySegment context, String prefix, Throwable t) {
        try {
            byte[] message = describe(prefix, t).getBytes(StandardCharsets.UTF_8);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment text = arena.allocate(message.length + 1L);
                MemorySegment.copy(message, 0, text, JAVA_BYTE, 0, message.length);
                Sqlite3.Rare.result_error.invokeExact(context, text, message.length);
            }
            return;
        } catch (Throwable ignored) {
            // fall back to the message prepared in advance
        }
        try {
            Sqlite3.Rare.result_error.invokeExact(context, UNDESCRIBED_C, -1);
        } catch (Throwable ignored) {
            // nothing is left to try; SQLite sees no result
        }
    }
}
