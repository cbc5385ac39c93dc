package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.ScanReporter;
import dev.vigil.sql.spi.TableSpec;

/**
 * What a connection learns from the scans it runs, besides their warnings and notes. Called on the thread
 * stepping the statement.
 */
public interface ScanObserver extends ScanReporter {

    /** The scheduled query run the statement belongs to, or null for an ad hoc query (see QueryContext#reader). */
    QueryContext.ScheduledRun reader();

    /** xBestIndex refused a plan because none of the table's required columns was constrained. */
    void missingRequiredColumn(TableSpec spec);
}
