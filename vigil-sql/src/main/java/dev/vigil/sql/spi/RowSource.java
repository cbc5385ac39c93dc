package dev.vigil.sql.spi;

/**
 * A stream of rows for one scan, pulled by the engine row by row. Tables that produce very many rows implement
 * {@link Table#open} with one of these to avoid holding every row at once; most tables let the default
 * buffer what {@link Table#generate} produces. Confined to one thread.
 */
public interface RowSource extends AutoCloseable {

    /** Advances to the next row; false at the end. */
    boolean next() throws Exception;

    /** The current row's value of the column with this index: Long, Double, String, byte[] or null. */
    Object value(int columnIndex);

    @Override
    default void close() {
    }
}
