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

    /** Gives the next row, or null at the end. */
    @FunctionalInterface
    interface RowSupplier {
        Row next() throws Exception;
    }

    /** Adds every row the supplier gives to the sink: a streaming table's {@link Table#generate}. */
    static void drain(RowSupplier rows, RowSink out) throws Exception {
        for (Row row = rows.next(); row != null; row = rows.next()) {
            out.add(row);
        }
    }

    /**
     * A source that pulls its rows one at a time from a supplier, for tables that read each row when it is asked
     * for (a file walk, a large listing) instead of holding them all.
     */
    static RowSource of(RowSupplier rows) {
        return new RowSource() {
            private Row current;

            @Override
            public boolean next() throws Exception {
                current = rows.next();
                return current != null;
            }

            @Override
            public Object value(int columnIndex) {
                return current.get(columnIndex);
            }
        };
    }
}
