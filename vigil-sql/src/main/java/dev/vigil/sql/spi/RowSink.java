package dev.vigil.sql.spi;

/** Where a generator puts the rows it produces, one at a time. Not thread-safe: one scan, one thread. */
public interface RowSink {

    /** Adds a row; the sink owns it afterwards. */
    void add(Row row);
}
