package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.SqlFunction;
import dev.vigil.sql.text.RawText;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Registers Java {@link SqlFunction}s as SQLite scalar functions (sqlite3_create_function_v2). One shared xFunc
 * upcall dispatches on sqlite3_user_data, a handle to the function. Exceptions become sqlite3_result_error.
 */
public final class FunctionModule {
    private static final Handles<SqlFunction> FUNCTIONS = new Handles<>();
    private static final MemorySegment X_FUNC = buildStub();

    private FunctionModule() {
    }

    /**
     * Registers the function on the connection; returns the handle to {@link #release} once the connection is
     * closed. Functions have no side effects, so they are innocuous: usable in views under an untrusted schema.
     */
    public static long register(MemorySegment db, SqlFunction function) throws SqliteException {
        long handle = FUNCTIONS.add(function);
        int flags = Sqlite3.SQLITE_UTF8 | Sqlite3.SQLITE_INNOCUOUS
                | (function.deterministic() ? Sqlite3.SQLITE_DETERMINISTIC : 0);
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) Sqlite3.create_function_v2.invokeExact(db, arena.allocateFrom(function.name()),
                    function.arity(), flags, MemorySegment.ofAddress(handle), X_FUNC, MemorySegment.NULL,
                    MemorySegment.NULL, MemorySegment.NULL);
            if (rc != Sqlite3.SQLITE_OK) {
                throw new SqliteException("registering function " + function.name(), rc,
                        Sqlite3.string((MemorySegment) Sqlite3.errmsg.invokeExact(db)));
            }
            return handle;
        } catch (SqliteException e) {
            FUNCTIONS.remove(handle);
            throw e;
        } catch (Throwable t) {
            FUNCTIONS.remove(handle);
            throw new SqliteException("registering function " + function.name(), Sqlite3.SQLITE_ERROR, t.toString());
        }
    }

    /** Forgets the handles {@link #register} returned; call after their connection is closed. */
    public static void release(List<Long> handles) {
        handles.forEach(FUNCTIONS::remove);
    }

    /** Live function handles, for leak tests. */
    static int liveHandles() {
        return FUNCTIONS.size();
    }

    private static void xFunc(MemorySegment context, int argc, MemorySegment argv) {
        String name = "function";
        try {
            SqlFunction function = FUNCTIONS.get(((MemorySegment) Sqlite3.user_data.invokeExact(context)).address());
            name = function.name();
            MemorySegment args = argv.reinterpret(8L * argc);
            Object[] values = new Object[argc];
            for (int i = 0; i < argc; i++) {
                values[i] = Values.read(args.getAtIndex(ADDRESS, i));
            }
            result(context, function.apply(values));
        } catch (Throwable t) {
            try {
                UpcallErrors.resultError(context, name + "(): ", t);
            } catch (Throwable ignored) {
                // reporting failed too; SQLite then returns no value for the call
            }
        }
    }

    private static void result(MemorySegment context, Object value) throws Throwable {
        switch (value) {
            case null -> Sqlite3.result_null.invokeExact(context);
            case Long l -> Sqlite3.result_int64.invokeExact(context, (long) l);
            case Integer i -> Sqlite3.result_int64.invokeExact(context, (long) i);
            case Boolean b -> Sqlite3.result_int64.invokeExact(context, b ? 1L : 0L);
            case Double d -> Sqlite3.result_double.invokeExact(context, (double) d);
            case String s -> {
                try (Arena arena = Arena.ofConfined()) {
                    byte[] bytes = RawText.encode(s);
                    MemorySegment text = arena.allocate(bytes.length + 1L);
                    MemorySegment.copy(bytes, 0, text, JAVA_BYTE, 0, bytes.length);
                    Sqlite3.result_text.invokeExact(context, text, bytes.length, Sqlite3.TRANSIENT);
                }
            }
            case byte[] b -> {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment blob = arena.allocate(Math.max(1, b.length));
                    MemorySegment.copy(b, 0, blob, JAVA_BYTE, 0, b.length);
                    Sqlite3.result_blob.invokeExact(context, blob, b.length, Sqlite3.TRANSIENT);
                }
            }
            default -> throw new IllegalStateException("unsupported result type " + value.getClass().getName());
        }
    }

    private static MemorySegment buildStub() {
        FunctionDescriptor descriptor = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS);
        try {
            return Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(FunctionModule.class, "xFunc",
                    descriptor.toMethodType()), descriptor, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
