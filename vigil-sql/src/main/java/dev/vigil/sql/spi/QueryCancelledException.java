package dev.vigil.sql.spi;

/**
 * The statement a scan or function runs for was stopped (Ctrl-C, {@code --timeout}, a watchdog): thrown by
 * {@link QueryContext#checkCancelled()} so that Java work stops as SQLite's own does on sqlite3_interrupt.
 */
public final class QueryCancelledException extends RuntimeException {
    public QueryCancelledException(String reason) {
        super(reason, null, false, false);
    }
}
