package dev.vigil.sql.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one source of truth for a table: name, one-sentence description, typed and documented columns with their
 * flags, and example queries. The engine declares the SQLite table from it, {@code vigil_columns} lists it, and
 * {@code docs/tables/} is generated from it.
 *
 * @param name        SQL name; for a table that carries an osquery name, osquery's schema must match
 * @param description one sentence saying what a row is
 * @param columns     in declaration order; {@code columns.get(i).index() == i}
 * @param examples    SQL a user can paste; at least one
 * @param evented     true for {@code *_events} tables fed by sensors
 * @param rules       Markdown for the reference page beyond the columns (how constraints are read); may be empty
 */
public record TableSpec(String name, String description, List<Column> columns, List<String> examples, boolean evented,
                        String rules) {

    public TableSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(rules);
        columns = List.copyOf(columns);
        examples = List.copyOf(examples);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).index() != i) {
                throw new IllegalArgumentException(name + ": column " + columns.get(i).name() + " out of order");
            }
        }
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("table name must be lower_snake_case: " + name);
        }
    }

    /** A spec for an ordinary (non-evented) table. */
    public static TableSpec of(String name, String description, Columns columns, String... examples) {
        return new TableSpec(name, description, columns.list(), List.of(examples), false, "");
    }

    /** A spec for an evented table fed by a sensor. */
    public static TableSpec evented(String name, String description, Columns columns, String... examples) {
        return new TableSpec(name, description, columns.list(), List.of(examples), true, "");
    }

    /**
     * The same spec with the rules a user needs beyond the column docs (how constraints are read, what osquery
     * behaviour is followed), as Markdown; the table's reference page shows them.
     */
    public TableSpec withRules(String markdown) {
        return new TableSpec(name, description, columns, examples, evented, markdown.strip());
    }

    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<Column> requiredColumns() {
        return columns.stream().filter(c -> c.has(Column.Flag.REQUIRED)).toList();
    }

    /** The CREATE TABLE statement handed to sqlite3_declare_vtab. */
    public String createTableSql() {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(quote(name)).append('(');
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(c.name())).append(' ').append(c.type().sqlName());
            if (c.has(Column.Flag.HIDDEN)) {
                sb.append(" HIDDEN");
            }
        }
        return sb.append(')').toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
