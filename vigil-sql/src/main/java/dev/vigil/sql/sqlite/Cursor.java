package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryCancelledException;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.RowSource;
import dev.vigil.sql.text.RawText;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The Java side of one sqlite3_vtab_cursor: the row source of the current scan and a native buffer for text
 * results. Used by one thread at a time (the one stepping the statement); owns its buffer, freed by {@link #close}.
 */
final class Cursor {
    private final VirtualTableModule.Binding binding;
    private RowSource source;
    private boolean eof = true;
    private long rows;
    private MemorySegment text = MemorySegment.NULL;

    Cursor(VirtualTableModule.Binding binding) {
        this.binding = binding;
    }

    VirtualTableModule.Binding binding() {
        return binding;
    }

    /** Starts a scan (xFilter); closes the previous one, as SQLite re-filters a cursor for each join row. */
    void start(List<Constraint> constraints, BitSet usedColumns) throws Exception {
        closeSource();
        rows = 0;
        ScanObserver observer = binding.observer();
        var unsupported = binding.table().unsupported();
        if (unsupported.isPresent()) {
            observer.note(binding.table().spec().name() + ": unsupported on this host: " + unsupported.get());
            eof = true;
            return;
        }
        QueryContext context = new QueryContext(binding.table().spec(), constraints, usedColumns, observer,
                observer.reader());
        source = binding.table().open(context);
        eof = !source.next();
    }

    void advance() throws Exception {
        if (!eof) {
            rows++;
            if ((rows & 0xff) == 0) {
                String why = binding.observer().cancellation();
                if (why != null) {
                    throw new QueryCancelledException(why);
                }
            }
            eof = !source.next();
        }
    }

    boolean eof() {
        return eof;
    }

    /**
     * The row's id (xRowid): a 64-bit hash of all its values. SQLite asks for it when it runs an OR of indexed
     * terms as several scans of one cursor (WHERE a = 1 OR b = 2), and returns a row once per distinct id: the id of
     * a row must therefore follow from the row itself, not from its position in one scan, or a row that comes second
     * in one scan and first in another would be dropped as a duplicate.
     */
    long rowid() {
        if (source == null) {
            return 0;
        }
        int columns = binding.table().spec().columns().size();
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < columns; i++) {
            h = mix(h, valueHash(source.value(i)));
        }
        return h;
    }

    private static long valueHash(Object value) {
        return switch (value) {
            case null -> 0x5bd1e995L;
            case Long l -> mix(1, l);
            case Integer i -> mix(1, i);
            case Double d -> mix(2, Double.doubleToLongBits(d));
            case String s -> {
                long h = 3;
                for (int i = 0; i < s.length(); i++) {
                    h = mix(h, s.charAt(i));
                }
                yield mix(h, s.length());
            }
            case byte[] b -> {
                long h = 4;
                for (byte x : b) {
                    h = mix(h, x);
                }
                yield mix(h, b.length);
            }
            default -> mix(5, value.hashCode());
        };
    }

    /** One round of a 64-bit multiply-xorshift mix. */
    private static long mix(long h, long value) {
        h ^= value;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }

    /** Hands the current row's value of the column to SQLite (xColumn). */
    void result(MemorySegment context, int column) throws Throwable {
        Object value = column < binding.table().spec().columns().size() ? source.value(column) : null;
        switch (value) {
            case null -> Sqlite3.result_null.invokeExact(context);
            case Long l -> Sqlite3.result_int64.invokeExact(context, (long) l);
            case Integer i -> Sqlite3.result_int64.invokeExact(context, (long) i);
            case Double d -> Sqlite3.result_double.invokeExact(context, (double) d);
            case String s -> Sqlite3.result_text.invokeExact(context, nulTerminated(s), -1, Sqlite3.TRANSIENT);
            case byte[] b -> {
                MemorySegment buffer = buffer(b.length + 1L);
                MemorySegment.copy(b, 0, buffer, JAVA_BYTE, 0, b.length);
                Sqlite3.result_blob.invokeExact(context, buffer, b.length, Sqlite3.TRANSIENT);
            }
            default -> throw new IllegalStateException("unsupported value type " + value.getClass().getName());
        }
    }

    /**
     * The text's bytes ({@link RawText}: UTF-8, raw bytes restored) with a NUL terminator in the reusable buffer:
     * SQLite copies it (SQLITE_TRANSIENT) and, given length -1 and the terminator, does so without reallocating
     * under its global mutex.
     */
    private MemorySegment nulTerminated(String s) throws Throwable {
        int length = s.length();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            MemorySegment buffer = buffer(length + 1L);
            MemorySegment.copy(s.getBytes(StandardCharsets.ISO_8859_1), 0, buffer, JAVA_BYTE, 0, length);
            buffer.set(JAVA_BYTE, length, (byte) 0);
            return buffer;
        }
        byte[] bytes = RawText.encode(s);
        int end = bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) { // text stops at an embedded NUL, as it would in C
                end = i;
                break;
            }
        }
        MemorySegment buffer = buffer(end + 1L);
        MemorySegment.copy(bytes, 0, buffer, JAVA_BYTE, 0, end);
        buffer.set(JAVA_BYTE, end, (byte) 0);
        return buffer;
    }

    private MemorySegment buffer(long size) throws Throwable {
        if (text.byteSize() < size) {
            long capacity = Math.max(256, Math.max(size, text.byteSize() * 2));
            if (capacity > Integer.MAX_VALUE) {
                throw new IllegalStateException("value too large: " + size + " bytes");
            }
            Sqlite3.free.invokeExact(text);
            text = MemorySegment.NULL;
            MemorySegment p = (MemorySegment) Sqlite3.malloc.invokeExact((int) capacity);
            if (p.address() == 0) {
                throw new OutOfMemoryError("sqlite3_malloc(" + capacity + ")");
            }
            text = p.reinterpret(capacity);
        }
        return text;
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } finally {
                source = null;
            }
        }
    }

    void close() throws Throwable {
        try {
            closeSource();
        } finally {
            Sqlite3.free.invokeExact(text);
            text = MemorySegment.NULL;
        }
    }
}
