package dev.vigil.sql.sqlite;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The authorizer every connection installs (sqlite3_set_authorizer): SQLite asks it about each action while it
 * prepares a statement, and {@link SqlPolicy} answers. A refusal makes prepare fail with "not authorized"; the reason
 * is kept for the thread that prepared, so the connection can say what was refused and why. The upcall stub lives
 * in the global arena for the life of the process. Thread-safe.
 */
final class Authorizer {
    static final MemorySegment STUB = buildStub();
    private static final ThreadLocal<String> LAST_DENIAL = new ThreadLocal<>();
    /** What to report if even building the message failed. */
    private static final String UNEXPLAINED = "refused by Vigil's SQL policy";

    private Authorizer() {
    }

    /** The reason of the last refusal on this thread, cleared; null if there was none. */
    static String takeDenial() {
        String reason = LAST_DENIAL.get();
        LAST_DENIAL.remove();
        return reason;
    }

    /** Forgets an earlier refusal before a new statement is prepared. */
    static void clear() {
        LAST_DENIAL.remove();
    }

    /** int xAuth(void *userData, int action, const char *, const char *, const char *database, const char *trigger). */
    private static int xAuth(MemorySegment userData, int action, MemorySegment first, MemorySegment second,
                             MemorySegment database, MemorySegment trigger) {
        try {
            String reason = SqlPolicy.denial(action, Sqlite3.string(first), Sqlite3.string(second));
            if (reason == null) {
                return Sqlite3.SQLITE_OK;
            }
            LAST_DENIAL.set(reason);
            return Sqlite3.SQLITE_DENY;
        } catch (Throwable t) {
            try {
                LAST_DENIAL.set(UNEXPLAINED);
            } catch (Throwable ignored) {
                // nothing more can be recorded: the refusal itself still stands
            }
            return Sqlite3.SQLITE_DENY; // refuse what could not be judged
        }
    }

    private static MemorySegment buildStub() {
        FunctionDescriptor descriptor = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS);
        try {
            return Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(Authorizer.class, "xAuth",
                    descriptor.toMethodType()), descriptor, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
