package dev.vigil.sql;

import java.util.List;

/**
 * The result of one statement held whole: column names, rows of values (Long, Double, String, byte[] or null, as
 * SQLite returned them), the warnings and notes generators reported, and how long it took. Immutable.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, List<String> warnings, List<String> notes,
                          long elapsedNanos) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }
}
