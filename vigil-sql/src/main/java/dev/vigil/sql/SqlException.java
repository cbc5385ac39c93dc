package dev.vigil.sql;

/** A statement failed: bad SQL, an unknown table or column, a missing required column, or a generator error. */
public final class SqlException extends Exception {
    public SqlException(String message) {
        super(message);
    }

    public SqlException(String message, Throwable cause) {
        super(message, cause);
    }
}
