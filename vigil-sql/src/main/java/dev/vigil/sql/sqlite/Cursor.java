package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.RowSource;

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
    private long rowid;
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
        QueryContext context = new QueryContext(binding.table().spec(), constraints, usedColumns,
                binding.observer()::warning, binding.observer().reader());
        source = binding.table().open(context);
        rowid = 0;
        eof = !source.next();
    }

    void advance() throws Exception {
        if (!eof) {
            rowid++;
            eof = !source.next();
        }
    }

    boolean eof() {
        return eof;
    }

    long rowid() {
        return rowid;
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
     * UTF-8 with a NUL terminator in the reusable buffer: SQLite copies it (SQLITE_TRANSIENT) and, given length
     * -1 and the terminator, does so without reallocating under its global mutex.
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
            for (int i = 0; i < length; i++) {
                buffer.set(JAVA_BYTE, i, (byte) s.charAt(i));
            }
            buffer.set(JAVA_BYTE, length, (byte) 0);
            return buffer;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
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
