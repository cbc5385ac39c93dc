package dev.vigil.sql.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/**
 * Declares a table's columns in order. A table class holds one instance in a static field and declares each
 * column as a static final {@link Column}, so generators set values by column, never by name:
 *
 * <pre>{@code
 * private static final Columns COLUMNS = new Columns();
 * static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID", Flag.INDEX);
 * }</pre>
 *
 * Not thread-safe; meant for static initialisers only.
 */
public final class Columns {
    private final List<Column> columns = new ArrayList<>();

    public Column text(String name, String description, Column.Flag... flags) {
        return add(name, ColumnType.TEXT, description, flags);
    }

    public Column integer(String name, String description, Column.Flag... flags) {
        return add(name, ColumnType.INTEGER, description, flags);
    }

    public Column bigint(String name, String description, Column.Flag... flags) {
        return add(name, ColumnType.BIGINT, description, flags);
    }

    public Column unsignedBigint(String name, String description, Column.Flag... flags) {
        return add(name, ColumnType.UNSIGNED_BIGINT, description, flags);
    }

    public Column doubleColumn(String name, String description, Column.Flag... flags) {
        return add(name, ColumnType.DOUBLE, description, flags);
    }

    public Column blob(String name, String description, Column.Flag... flags) {
        return add(name, ColumnType.BLOB, description, flags);
    }

    public Column add(String name, ColumnType type, String description, Column.Flag... flags) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                throw new IllegalArgumentException("column " + name + " declared twice");
            }
        }
        EnumSet<Column.Flag> set = EnumSet.noneOf(Column.Flag.class);
        Collections.addAll(set, flags);
        Column column = new Column(columns.size(), name, type, description, set);
        columns.add(column);
        return column;
    }

    List<Column> list() {
        return List.copyOf(columns);
    }
}
