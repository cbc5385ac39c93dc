package dev.vigil.sql.sqlite;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * One in-memory SQLite connection (sqlite3_open_v2 with ":memory:"). Not thread-safe: one thread uses it at a
 * time, except {@link #interrupt}, which any thread may call. Owns the sqlite3* handle; {@link #close} frees it.
 */
public final class SqliteConnection implements AutoCloseable {

    /** Receives each statement's column names, then its rows, then its end; may stop the run by throwing. */
    public interface ResultHandler {
        void columns(List<String> names) throws IOException;

        void row(Object[] values) throws IOException;

        /** The statement ran to completion. */
        void end() throws IOException;
    }

    static {
        try {
            // Debian builds SQLite with memory statistics on: every malloc then takes a global mutex.
            int rc = (int) Sqlite3.config_int.invokeExact(Sqlite3.SQLITE_CONFIG_MEMSTATUS, 0);
            if (rc != Sqlite3.SQLITE_OK && rc != Sqlite3.SQLITE_MISUSE) {
                throw new IllegalStateException("sqlite3_config(MEMSTATUS, 0) returned " + rc);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private final MemorySegment db;
    private final List<Long> bindings = new ArrayList<>();
    private final List<Long> functions = new ArrayList<>();
    private volatile boolean closed;

    public SqliteConnection() throws SqliteException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            int flags = Sqlite3.SQLITE_OPEN_READWRITE | Sqlite3.SQLITE_OPEN_CREATE | Sqlite3.SQLITE_OPEN_MEMORY;
            int rc = (int) Sqlite3.open_v2.invokeExact(arena.allocateFrom(":memory:"), out, flags, MemorySegment.NULL);
            MemorySegment handle = out.get(ADDRESS, 0);
            if (rc != Sqlite3.SQLITE_OK) {
                String message = handle.address() == 0 ? "out of memory"
                        : Sqlite3.string((MemorySegment) Sqlite3.errmsg.invokeExact(handle));
                if (handle.address() != 0) {
                    int ignored = (int) Sqlite3.close_v2.invokeExact(handle);
                }
                throw new SqliteException("opening an in-memory database", rc, message);
            }
            this.db = handle;
        } catch (SqliteException e) {
            throw e;
        } catch (Throwable t) {
            throw new SqliteException("opening an in-memory database", Sqlite3.SQLITE_ERROR, t.toString());
        }
        try {
            harden();
        } catch (SqliteException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * SQLite's defensive configuration (https://sqlite.org/security.html): no fts3_tokenizer pointers, no
     * extension loading, no writable schema, an untrusted schema (functions and tables in views must be innocuous,
     * as Vigil's are), no attached databases, and the {@link Authorizer} enforcing {@link SqlPolicy}. Vigil runs as
     * root and takes SQL from people and fleet servers: none of it may reach the file system or native memory
     * through SQLite itself.
     */
    private void harden() throws SqliteException {
        dbConfig(Sqlite3.SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, "turning the fts3_tokenizer off");
        dbConfig(Sqlite3.SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, "turning extension loading off");
        dbConfig(Sqlite3.SQLITE_DBCONFIG_DEFENSIVE, 1, "turning defensive mode on");
        dbConfig(Sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, "turning the trusted schema off");
        try {
            int ignoredPrevious = (int) Sqlite3.limit.invokeExact(db, Sqlite3.SQLITE_LIMIT_ATTACHED, 0);
            int rc = (int) Sqlite3.set_authorizer.invokeExact(db, Authorizer.STUB, MemorySegment.NULL);
            if (rc != Sqlite3.SQLITE_OK) {
                throw new SqliteException("installing the authorizer", rc, errorMessage());
            }
        } catch (SqliteException e) {
            throw e;
        } catch (Throwable t) {
            throw new SqliteException("installing the authorizer", Sqlite3.SQLITE_ERROR, t.toString());
        }
    }

    private void dbConfig(int option, int value, String doing) throws SqliteException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment result = arena.allocate(JAVA_INT);
            int rc = (int) Sqlite3.db_config_flag.invokeExact(db, option, value, result);
            if (rc != Sqlite3.SQLITE_OK || result.get(JAVA_INT, 0) != value) {
                throw new SqliteException(doing, rc, "SQLite " + libraryVersion() + " did not take option " + option
                        + " (Vigil needs SQLite 3.31 or later)");
            }
        } catch (SqliteException e) {
            throw e;
        } catch (Throwable t) {
            throw new SqliteException(doing, Sqlite3.SQLITE_ERROR, t.toString());
        }
    }

    public void register(dev.vigil.sql.spi.Table table, ScanObserver observer) throws SqliteException {
        bindings.add(VirtualTableModule.register(db, table, observer));
    }

    public void register(dev.vigil.sql.spi.SqlFunction function) throws SqliteException {
        functions.add(FunctionModule.register(db, function));
    }

    /**
     * Runs every statement in the text in order, handing each one's columns and rows to the handler; stops at the
     * first error, or at the first IOException the handler throws (which is rethrown as it is).
     */
    public void execute(String sql, ResultHandler handler) throws SqliteException, IOException {
        int nul = sql.indexOf('\0');
        if (nul >= 0) {
            // SQLite's parser stops at a NUL as C strings do: what follows would be silently ignored, or never end
            throw new SqliteException("preparing", Sqlite3.SQLITE_ERROR, "the SQL contains a NUL character at "
                    + "position " + (nul + 1) + " of " + sql.length() + ": remove it");
        }
        byte[] utf8 = dev.vigil.sql.text.RawText.encode(sql);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(utf8.length + 1L);
            MemorySegment.copy(utf8, 0, text, JAVA_BYTE, 0, utf8.length);
            MemorySegment stmtOut = arena.allocate(ADDRESS);
            MemorySegment tailOut = arena.allocate(ADDRESS);
            MemorySegment cursor = text;
            while (true) {
                long remaining = text.address() + utf8.length - cursor.address();
                if (remaining <= 0) {
                    return;
                }
                Authorizer.clear();
                int rc = (int) Sqlite3.prepare_v2.invokeExact(db, cursor, (int) remaining, stmtOut, tailOut);
                if (rc != Sqlite3.SQLITE_OK) {
                    String denial = Authorizer.takeDenial();
                    throw new SqliteException("preparing", rc, denial != null ? denial : errorMessage());
                }
                MemorySegment stmt = stmtOut.get(ADDRESS, 0);
                MemorySegment tail = tailOut.get(ADDRESS, 0);
                if (stmt.address() == 0) {
                    if (tail.address() <= cursor.address()) {
                        return; // nothing SQLite can parse is left
                    }
                    cursor = tail;
                    continue; // whitespace or a comment
                }
                cursor = tail;
                try {
                    run(stmt, handler);
                } finally {
                    int ignored = (int) Sqlite3.finalize_.invokeExact(stmt);
                }
            }
        } catch (SqliteException | IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new SqliteException("running", Sqlite3.SQLITE_ERROR, t.toString());
        }
    }

    private void run(MemorySegment stmt, ResultHandler handler) throws Throwable {
        int columns = (int) Sqlite3.column_count.invokeExact(stmt);
        List<String> names = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            names.add(Sqlite3.string((MemorySegment) Sqlite3.column_name.invokeExact(stmt, i)));
        }
        handler.columns(names);
        while (true) {
            int rc = (int) Sqlite3.step.invokeExact(stmt);
            if (rc == Sqlite3.SQLITE_DONE) {
                handler.end();
                return;
            }
            if (rc != Sqlite3.SQLITE_ROW) {
                throw new SqliteException("running", rc, errorMessage());
            }
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = column(stmt, i);
            }
            handler.row(row);
        }
    }

    private static Object column(MemorySegment stmt, int i) throws Throwable {
        return Values.read((MemorySegment) Sqlite3.column_value.invokeExact(stmt, i));
    }

    private String errorMessage() throws Throwable {
        return Sqlite3.string((MemorySegment) Sqlite3.errmsg.invokeExact(db));
    }

    /** Makes the running statement fail with "interrupted" soon; safe from any thread. */
    public void interrupt() {
        if (!closed) {
            try {
                Sqlite3.Rare.interrupt.invokeExact(db);
            } catch (Throwable ignored) {
                // a void call into SQLite does not fail
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = (int) Sqlite3.close_v2.invokeExact(db);
        } catch (Throwable ignored) {
            // close_v2 defers freeing until statements finish; nothing to recover here
        } finally {
            VirtualTableModule.releaseBindings(bindings);
            FunctionModule.release(functions);
        }
    }

    /** True if the text ends a complete SQL statement (sqlite3_complete): the shell's "is the input done?". */
    public static boolean isComplete(String sql) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Sqlite3.Rare.complete.invokeExact(arena.allocateFrom(sql)) != 0;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The SQLite library version, e.g. "3.40.1". */
    public static String libraryVersion() {
        try {
            return Sqlite3.string((MemorySegment) Sqlite3.Rare.libversion.invokeExact());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
