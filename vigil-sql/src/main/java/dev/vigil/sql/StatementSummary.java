package dev.vigil.sql;

import java.util.List;

/**
 * How one statement went: how many rows it returned, the warnings and notes its scans reported, and how long it
 * took. Immutable.
 *
 * @param warnings things a user must know although the statement succeeded; always shown
 * @param notes    details of how the scans went that are not problems (a path that does not exist); shown
 *                 under {@code --verbose}
 */
public record StatementSummary(long rows, List<String> warnings, List<String> notes, long elapsedNanos) {
    public StatementSummary {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }
}
