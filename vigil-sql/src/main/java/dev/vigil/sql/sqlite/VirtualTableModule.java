package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The one {@code sqlite3_module} through which every Java {@link Table} appears in SQLite as an eponymous-only
 * virtual table (https://sqlite.org/vtab.html). Each registration passes, as pClientData, a handle to a
 * {@link Binding} (table + the connection's observer); the vtab struct keeps that handle, the cursor struct the
 * handle of its {@link Cursor}.
 *
 * <p>The module struct and the upcall stubs live in the global arena for the life of the process: SQLite calls
 * xDisconnect from sqlite3_close_v2. Every upcall catches Throwable: an exception escaping one would kill the JVM.
 */
public final class VirtualTableModule {
    /** struct sqlite3_vtab { const sqlite3_module *pModule; int nRef; char *zErrMsg; } plus our binding handle. */
    static final long VTAB_SIZE = 32;
    static final long VTAB_ERRMSG = 16;
    static final long VTAB_BINDING = 24;
    /** struct sqlite3_vtab_cursor { sqlite3_vtab *pVtab; } plus our cursor handle. */
    static final long CURSOR_SIZE = 16;
    static final long CURSOR_HANDLE = 8;
    /** struct sqlite3_module, iVersion 1: int iVersion (+4 padding), then 19 function pointers (xCreate .. xRename). */
    static final long MODULE_SIZE = 8 + 19 * 8;

    /** A table as registered on one connection. */
    record Binding(Table table, ScanObserver observer, ConcurrentHashMap<String, ScanPlan> plans) {
    }

    private static final Handles<Binding> BINDINGS = new Handles<>();
    private static final Handles<Cursor> CURSORS = new Handles<>();
    private static final MemorySegment MODULE = buildModule();

    private VirtualTableModule() {
    }

    /** Registers the table on the connection under its spec's name; returns the binding's handle. */
    public static long register(MemorySegment db, Table table, ScanObserver observer) throws SqliteException {
        long handle = BINDINGS.add(new Binding(table, observer, new ConcurrentHashMap<>()));
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) Sqlite3.create_module_v2.invokeExact(db, arena.allocateFrom(table.spec().name()), MODULE,
                    MemorySegment.ofAddress(handle), MemorySegment.NULL);
            if (rc != Sqlite3.SQLITE_OK) {
                BINDINGS.remove(handle);
                throw new SqliteException("registering table " + table.spec().name(), rc, Sqlite3.string(
                        (MemorySegment) Sqlite3.errmsg.invokeExact(db)));
            }
            return handle;
        } catch (SqliteException e) {
            throw e;
        } catch (Throwable t) {
            throw new SqliteException("registering table " + table.spec().name(), Sqlite3.SQLITE_ERROR, t.toString());
        }
    }

    /** Forgets a binding made by {@link #register}; call after the connection is closed. */
    public static void releaseBindings(List<Long> handles) {
        handles.forEach(BINDINGS::remove);
    }

    /** Live table bindings and cursors, for leak tests. */
    static int liveHandles() {
        return BINDINGS.size() + CURSORS.size();
    }

    // ---- upcalls -------------------------------------------------------------------------------------------

    private static int xConnect(MemorySegment db, MemorySegment aux, int argc, MemorySegment argv,
                                MemorySegment ppVtab, MemorySegment pzErr) {
        try {
            Binding binding = BINDINGS.get(aux.address());
            int rc;
            try (Arena arena = Arena.ofConfined()) {
                rc = (int) Sqlite3.declare_vtab.invokeExact(db, arena.allocateFrom(binding.table().spec().createTableSql()));
            }
            if (rc != Sqlite3.SQLITE_OK) {
                setError(pzErr, "declaring " + binding.table().spec().name() + ": "
                        + Sqlite3.string((MemorySegment) Sqlite3.errmsg.invokeExact(db)));
                return rc;
            }
            // Host tables only read: usable in views and triggers although the schema is untrusted.
            rc = (int) Sqlite3.vtab_config.invokeExact(db, Sqlite3.SQLITE_VTAB_INNOCUOUS);
            if (rc != Sqlite3.SQLITE_OK) {
                setError(pzErr, "marking " + binding.table().spec().name() + " innocuous: SQLite error " + rc);
                return rc;
            }
            MemorySegment vtab = ((MemorySegment) Sqlite3.malloc.invokeExact((int) VTAB_SIZE)).reinterpret(VTAB_SIZE);
            if (vtab.address() == 0) {
                return 7; // SQLITE_NOMEM
            }
            vtab.fill((byte) 0);
            vtab.set(JAVA_LONG, VTAB_BINDING, aux.address());
            ppVtab.reinterpret(8).set(ADDRESS, 0, vtab);
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            try {
                setError(pzErr, UpcallErrors.describe("connecting virtual table: ", t));
            } catch (Throwable ignored) {
                // reporting failed too: SQLite still sees the error code
            }
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xDisconnect(MemorySegment vtab) {
        try {
            MemorySegment v = vtab.reinterpret(VTAB_SIZE);
            Sqlite3.free.invokeExact(v.get(ADDRESS, VTAB_ERRMSG));
            Sqlite3.free.invokeExact(vtab);
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xBestIndex(MemorySegment vtab, MemorySegment infoPointer) {
        try {
            Binding binding = binding(vtab);
            TableSpec spec = binding.table().spec();
            IndexInfo info = new IndexInfo(infoPointer);
            List<ScanPlan.Term> terms = new ArrayList<>();
            boolean requiredMet = spec.requiredColumns().isEmpty();
            int equalities = 0;
            for (int i = 0; i < info.constraintCount(); i++) {
                int column = info.column(i);
                Constraint.Op op = ScanPlan.op(info.op(i));
                if (!info.usable(i) || op == null || column < 0 || column >= spec.columns().size()) {
                    continue;
                }
                boolean inList = false;
                if (op == Constraint.Op.EQ && (int) Sqlite3.vtab_in.invokeExact(infoPointer, i, -1) != 0) {
                    inList = (int) Sqlite3.vtab_in.invokeExact(infoPointer, i, 1) != 0;
                }
                terms.add(new ScanPlan.Term(column, op, inList));
                info.use(i, terms.size());
                boolean narrowing = op == Constraint.Op.EQ || op == Constraint.Op.LIKE || op == Constraint.Op.GLOB;
                if (narrowing && spec.columns().get(column).has(dev.vigil.sql.spi.Column.Flag.REQUIRED)) {
                    requiredMet = true;
                }
                if (op == Constraint.Op.EQ) {
                    equalities++;
                }
            }
            if (!requiredMet) {
                binding.observer().missingRequiredColumn(spec);
                return Sqlite3.SQLITE_CONSTRAINT;
            }
            ScanPlan plan = new ScanPlan(List.copyOf(terms), info.columnsUsed());
            info.setPlan(0, Sqlite3.mallocString(plan.encode()));
            // Each equality makes the scan far cheaper, so SQLite feeds join values into our generators.
            double cost = equalities > 0 ? 10.0 / equalities : 1_000_000.0 / (1 + terms.size());
            info.setCost(cost, equalities > 0 ? 10 : 100_000);
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            try {
                setVtabError(vtab, UpcallErrors.describe("planning: ", t));
            } catch (Throwable ignored) {
                // reporting failed too: SQLite still sees the error code
            }
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xOpen(MemorySegment vtab, MemorySegment ppCursor) {
        try {
            Binding binding = binding(vtab);
            MemorySegment cursor = ((MemorySegment) Sqlite3.malloc.invokeExact((int) CURSOR_SIZE)).reinterpret(CURSOR_SIZE);
            if (cursor.address() == 0) {
                return 7; // SQLITE_NOMEM
            }
            cursor.fill((byte) 0);
            cursor.set(JAVA_LONG, CURSOR_HANDLE, CURSORS.add(new Cursor(binding)));
            ppCursor.reinterpret(8).set(ADDRESS, 0, cursor);
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            try {
                setVtabError(vtab, UpcallErrors.describe("opening cursor: ", t));
            } catch (Throwable ignored) {
                // reporting failed too: SQLite still sees the error code
            }
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xClose(MemorySegment cursorPointer) {
        try {
            MemorySegment c = cursorPointer.reinterpret(CURSOR_SIZE);
            long handle = c.get(JAVA_LONG, CURSOR_HANDLE);
            try {
                CURSORS.get(handle).close();
            } finally {
                CURSORS.remove(handle);
                Sqlite3.free.invokeExact(cursorPointer);
            }
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xFilter(MemorySegment cursorPointer, int idxNum, MemorySegment idxStr, int argc, MemorySegment argv) {
        Cursor cursor = null;
        try {
            cursor = cursor(cursorPointer);
            Binding binding = cursor.binding();
            String planText = Sqlite3.string(idxStr);
            ScanPlan plan = binding.plans().computeIfAbsent(planText == null ? "u=ffffffffffffffff" : planText,
                    ScanPlan::decode);
            MemorySegment args = argv.reinterpret(8L * argc);
            List<Constraint> constraints = new ArrayList<>();
            TableSpec spec = binding.table().spec();
            for (int i = 0; i < argc && i < plan.terms().size(); i++) {
                ScanPlan.Term term = plan.terms().get(i);
                MemorySegment value = args.getAtIndex(ADDRESS, i);
                var column = spec.columns().get(term.column());
                if (term.inList()) {
                    for (Object v : Values.inList(value)) {
                        constraints.add(new Constraint(column, term.op(), v));
                    }
                } else {
                    constraints.add(new Constraint(column, term.op(), Values.read(value)));
                }
            }
            cursor.start(constraints, plan.usedColumns(spec.columns().size()));
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            try {
                reportCursorError(cursorPointer, cursor, t);
            } catch (Throwable ignored) {
                // reporting failed too: SQLite still sees the error code
            }
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xNext(MemorySegment cursorPointer) {
        Cursor cursor = null;
        try {
            cursor = cursor(cursorPointer);
            cursor.advance();
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            try {
                reportCursorError(cursorPointer, cursor, t);
            } catch (Throwable ignored) {
                // reporting failed too: SQLite still sees the error code
            }
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xEof(MemorySegment cursorPointer) {
        try {
            return cursor(cursorPointer).eof() ? 1 : 0;
        } catch (Throwable t) {
            return 1;
        }
    }

    private static int xColumn(MemorySegment cursorPointer, MemorySegment context, int column) {
        try {
            cursor(cursorPointer).result(context, column);
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            try {
                UpcallErrors.resultError(context, "reading column: ", t);
            } catch (Throwable ignored) {
                // reporting failed too: SQLite still sees the error code
            }
            return Sqlite3.SQLITE_ERROR;
        }
    }

    private static int xRowid(MemorySegment cursorPointer, MemorySegment rowid) {
        try {
            rowid.reinterpret(8).set(JAVA_LONG, 0, cursor(cursorPointer).rowid());
            return Sqlite3.SQLITE_OK;
        } catch (Throwable t) {
            return Sqlite3.SQLITE_ERROR;
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private static Binding binding(MemorySegment vtab) {
        return BINDINGS.get(vtab.reinterpret(VTAB_SIZE).get(JAVA_LONG, VTAB_BINDING));
    }

    private static Cursor cursor(MemorySegment cursorPointer) {
        return CURSORS.get(cursorPointer.reinterpret(CURSOR_SIZE).get(JAVA_LONG, CURSOR_HANDLE));
    }

    /** Puts "table: what went wrong" into the cursor's vtab->zErrMsg. Never throws. */
    private static void reportCursorError(MemorySegment cursorPointer, Cursor cursor, Throwable t) {
        try {
            String table = cursor == null ? "virtual table" : cursor.binding().table().spec().name();
            setVtabError(cursorPointer.reinterpret(CURSOR_SIZE).get(ADDRESS, 0), UpcallErrors.describe(table + ": ", t));
        } catch (Throwable ignored) {
            // out of memory or stack while reporting: SQLite still sees the error code
        }
    }

    /** Replaces vtab->zErrMsg, freeing the old message; SQLite reports and frees it. */
    private static void setVtabError(MemorySegment vtab, String message) {
        try {
            MemorySegment v = vtab.reinterpret(VTAB_SIZE);
            Sqlite3.free.invokeExact(v.get(ADDRESS, VTAB_ERRMSG));
            v.set(ADDRESS, VTAB_ERRMSG, Sqlite3.mallocString(message));
        } catch (Throwable ignored) {
            // out of memory while reporting an error: SQLite still sees the failing return code
        }
    }

    private static void setError(MemorySegment pzErr, String message) {
        try {
            pzErr.reinterpret(8).set(ADDRESS, 0, Sqlite3.mallocString(message));
        } catch (Throwable ignored) {
            // as above
        }
    }

    private static MemorySegment buildModule() {
        Linker linker = Linker.nativeLinker();
        Arena global = Arena.global();
        MemorySegment module = global.allocate(MODULE_SIZE, 8);
        module.set(JAVA_INT, 0, 1); // iVersion
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MemorySegment connect = stub(linker, lookup, global, "xConnect",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
            MemorySegment disconnect = stub(linker, lookup, global, "xDisconnect", FunctionDescriptor.of(JAVA_INT, ADDRESS));
            // slot order of struct sqlite3_module: xCreate, xConnect, xBestIndex, xDisconnect, xDestroy, xOpen,
            // xClose, xFilter, xNext, xEof, xColumn, xRowid, xUpdate ... xRename. xCreate NULL = eponymous-only.
            module.set(ADDRESS, 8 + 8 * 1, connect);
            module.set(ADDRESS, 8 + 8 * 2, stub(linker, lookup, global, "xBestIndex",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)));
            module.set(ADDRESS, 8 + 8 * 3, disconnect);
            module.set(ADDRESS, 8 + 8 * 4, disconnect);
            module.set(ADDRESS, 8 + 8 * 5, stub(linker, lookup, global, "xOpen",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)));
            module.set(ADDRESS, 8 + 8 * 6, stub(linker, lookup, global, "xClose", FunctionDescriptor.of(JAVA_INT, ADDRESS)));
            module.set(ADDRESS, 8 + 8 * 7, stub(linker, lookup, global, "xFilter",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS)));
            module.set(ADDRESS, 8 + 8 * 8, stub(linker, lookup, global, "xNext", FunctionDescriptor.of(JAVA_INT, ADDRESS)));
            module.set(ADDRESS, 8 + 8 * 9, stub(linker, lookup, global, "xEof", FunctionDescriptor.of(JAVA_INT, ADDRESS)));
            module.set(ADDRESS, 8 + 8 * 10, stub(linker, lookup, global, "xColumn",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT)));
            module.set(ADDRESS, 8 + 8 * 11, stub(linker, lookup, global, "xRowid",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        return module;
    }

    private static MemorySegment stub(Linker linker, MethodHandles.Lookup lookup, Arena arena, String name,
                                      FunctionDescriptor descriptor) throws ReflectiveOperationException {
        MethodType type = descriptor.toMethodType();
        return linker.upcallStub(lookup.findStatic(VirtualTableModule.class, name, type), descriptor, arena);
    }
}
