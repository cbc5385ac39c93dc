package dev.vigil.sql.spi;

import java.util.Arrays;

/**
 * One row of a table, with a typed value per column; unset columns are SQL NULL (osquery's empty value).
 * Setters check the value against the column's type, so a generator cannot put text into an integer column.
 * Not thread-safe.
 */
public final class Row {
    private final TableSpec spec;
    private final Object[] values;

    public Row(TableSpec spec) {
        this.spec = spec;
        this.values = new Object[spec.columns().size()];
    }

    public TableSpec spec() {
        return spec;
    }

    public Row set(Column column, long value) {
        return switch (column.type()) {
            case INTEGER, BIGINT, UNSIGNED_BIGINT -> put(column, value);
            case DOUBLE -> put(column, (double) value);
            case TEXT -> put(column, Long.toString(value));
            case BLOB -> throw typeError(column, "an integer");
        };
    }

    public Row set(Column column, double value) {
        return switch (column.type()) {
            case DOUBLE -> put(column, value);
            case TEXT -> put(column, Double.toString(value));
            default -> throw typeError(column, "a double");
        };
    }

    public Row set(Column column, boolean value) {
        return set(column, value ? 1L : 0L);
    }

    /** Sets a text column; null leaves it NULL. */
    public Row set(Column column, String value) {
        if (value != null && column.type() != ColumnType.TEXT) {
            throw typeError(column, "text");
        }
        return put(column, value);
    }

    public Row set(Column column, byte[] value) {
        if (value != null && column.type() != ColumnType.BLOB) {
            throw typeError(column, "a blob");
        }
        return put(column, value);
    }

    /** Sets an integer column from a boxed value that may be absent. */
    public Row set(Column column, Long value) {
        return value == null ? put(column, null) : set(column, value.longValue());
    }

    /**
     * Sets a value given as an object (Long, Integer, Boolean, Double, String or byte[]), checked against the
     * column's type as the typed setters check it; null leaves the column NULL.
     */
    public Row setValue(Column column, Object value) {
        return switch (value) {
            case null -> put(column, null);
            case Long l -> set(column, l.longValue());
            case Integer i -> set(column, i.longValue());
            case Boolean b -> set(column, b.booleanValue());
            case Double d -> set(column, d.doubleValue());
            case String t -> set(column, t);
            case byte[] b -> set(column, b);
            default -> throw new IllegalArgumentException(spec.name() + "." + column.name() + " cannot hold a "
                    + value.getClass().getSimpleName());
        };
    }

    public Object get(Column column) {
        check(column);
        return values[column.index()];
    }

    public Object get(int index) {
        return values[index];
    }

    /** The values, by column index; the engine's view, not to be changed by callers. */
    public Object[] values() {
        return values;
    }

    private Row put(Column column, Object value) {
        check(column);
        values[column.index()] = value;
        return this;
    }

    private void check(Column column) {
        int i = column.index();
        if (i >= values.length || spec.columns().get(i) != column) {
            throw new IllegalArgumentException("column " + column.name() + " is not a column of " + spec.name());
        }
    }

    private IllegalArgumentException typeError(Column column, String what) {
        return new IllegalArgumentException(
                spec.name() + "." + column.name() + " is " + column.type().osqueryName() + ", not " + what);
    }

    @Override
    public String toString() {
        return spec.name() + Arrays.toString(values);
    }
}
