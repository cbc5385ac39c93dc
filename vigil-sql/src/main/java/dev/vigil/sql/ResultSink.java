package dev.vigil.sql;

import java.io.IOException;
import java.util.List;

/**
 * Receives the results of {@link Session#execute(String, ResultSink)} as they come, statement by statement and row
 * by row, so that a printer can write each row before the next is computed (as sqlite3 does) and stop the
 * statement by throwing (a closed pipe). Called on the thread running the statements.
 */
public interface ResultSink {

    /** A statement begins: the names of its result columns, empty for one that returns none. */
    void columns(List<String> names) throws IOException;

    /** One row of the current statement: Long, Double, String, byte[] or null per column. The array is the sink's. */
    void row(Object[] values) throws IOException;

    /** The current statement completed. */
    void completed(StatementSummary summary) throws IOException;

    /** The current statement failed after {@link #columns}: the rows already given stand, no more follow. */
    default void failed() throws IOException {
    }
}
