package dev.vigil.sql.sqlite;

import dev.vigil.sql.text.RawText;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Reads {@code sqlite3_value*} into Java values: Long, Double, String ({@link RawText}: every byte kept), byte[] or
 * null. Valid during the upcall.
 */
final class Values {
    private Values() {
    }

    static Object read(MemorySegment value) throws Throwable {
        int type = (int) Sqlite3.value_type.invokeExact(value);
        return switch (type) {
            case Sqlite3.SQLITE_INTEGER -> (long) Sqlite3.value_int64.invokeExact(value);
            case Sqlite3.SQLITE_FLOAT -> (double) Sqlite3.value_double.invokeExact(value);
            case Sqlite3.SQLITE_TEXT -> {
                MemorySegment p = (MemorySegment) Sqlite3.value_text.invokeExact(value);
                int n = (int) Sqlite3.value_bytes.invokeExact(value);
                yield p.address() == 0 ? "" : RawText.decode(p.reinterpret(n).toArray(JAVA_BYTE));
            }
            case Sqlite3.SQLITE_BLOB -> {
                MemorySegment p = (MemorySegment) Sqlite3.value_blob.invokeExact(value);
                int n = (int) Sqlite3.value_bytes.invokeExact(value);
                yield p.address() == 0 ? new byte[0] : p.reinterpret(n).toArray(JAVA_BYTE);
            }
            default -> null;
        };
    }

    /** Every value on the right of an IN chosen for all-at-once processing (sqlite3_vtab_in_first/next). */
    static List<Object> inList(MemorySegment list) throws Throwable {
        List<Object> values = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            int rc = (int) Sqlite3.vtab_in_first.invokeExact(list, out);
            while (rc == Sqlite3.SQLITE_OK && out.get(ADDRESS, 0).address() != 0) {
                values.add(read(out.get(ADDRESS, 0)));
                rc = (int) Sqlite3.vtab_in_next.invokeExact(list, out);
            }
            if (rc != Sqlite3.SQLITE_DONE && rc != Sqlite3.SQLITE_OK) {
                throw new IllegalStateException("reading IN list: SQLite error " + rc);
            }
        }
        return values;
    }
}
