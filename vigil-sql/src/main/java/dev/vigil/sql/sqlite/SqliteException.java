package dev.vigil.sql.sqlite;

/** A SQLite call failed: what was being done, SQLite's result code and its message. */
public final class SqliteException extends Exception {
    private final int code;

    public SqliteException(String doing, int code, String message) {
        super(doing + ": " + message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
