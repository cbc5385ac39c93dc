package dev.vigil.sql.spi;

import java.util.List;

/**
 * What a scan reports besides its rows, and how it learns that its statement was stopped. The engine's session
 * implements it for the statement being run; tests collect into lists. Called on the scanning thread, except
 * that the cancellation may be set from any thread.
 */
public interface ScanReporter {

    /** Something the user must know although the scan succeeded; always shown. */
    void warning(String message);

    /** A detail of how the scan went that is not a problem; shown only under {@code --verbose}. */
    void note(String message);

    /** Why the statement was stopped (interrupted, timed out), or null while it may go on. */
    String cancellation();

    /** Keeps warnings and notes in the lists; never cancels. */
    static ScanReporter collecting(List<String> warnings, List<String> notes) {
        return new ScanReporter() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }

            @Override
            public String cancellation() {
                return null;
            }
        };
    }

    /** Drops warnings and notes; never cancels. */
    ScanReporter SILENT = new ScanReporter() {
        @Override
        public void warning(String message) {
        }

        @Override
        public void note(String message) {
        }

        @Override
        public String cancellation() {
            return null;
        }
    };
}
