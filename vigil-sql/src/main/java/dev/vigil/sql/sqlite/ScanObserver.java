package dev.vigil.sql.sqlite;

import dev.vigil.sql.spi.TableSpec;

/** What a connection learns from the scans it runs. Called on the thread stepping the statement. */
public interface ScanObserver {

    /** A generator reported something the user should see. */
    void warning(String message);

    /** The scheduled query run the statement belongs to, or null for an ad hoc query (see QueryContext#reader). */
    dev.vigil.sql.spi.QueryContext.ScheduledRun reader();

    /** xBestIndex refused a plan because none of the table's required columns was constrained. */
    void missingRequiredColumn(TableSpec spec);
}
