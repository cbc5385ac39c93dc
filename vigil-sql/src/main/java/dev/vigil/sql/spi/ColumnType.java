package dev.vigil.sql.spi;

/**
 * The column types of osquery's table specs. Each maps to one SQLite storage class and one Java value type:
 * TEXT is a {@link String}, the integer kinds are {@link Long}, DOUBLE is {@link Double}, BLOB is {@code byte[]}.
 */
public enum ColumnType {
    TEXT("TEXT"),
    INTEGER("INTEGER"),
    BIGINT("BIGINT"),
    UNSIGNED_BIGINT("UNSIGNED BIGINT"),
    DOUBLE("DOUBLE"),
    BLOB("BLOB");

    private final String sqlName;

    ColumnType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The type as written in the CREATE TABLE statement declared to SQLite (and shown by {@code .schema}). */
    public String sqlName() {
        return sqlName;
    }

    /** The type's name in osquery's schema files: {@code text}, {@code integer}, {@code unsigned_bigint} ... */
    public String osqueryName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isInteger() {
        return this == INTEGER || this == BIGINT || this == UNSIGNED_BIGINT;
    }
}
