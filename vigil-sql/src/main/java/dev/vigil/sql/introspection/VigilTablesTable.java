package dev.vigil.sql.introspection;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.List;
import java.util.function.Supplier;

/** {@code vigil_tables}: every table the engine serves, from the specs themselves (like osquery_registry). */
public final class VigilTablesTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column NAME = COLUMNS.text("name", "Table name", Column.Flag.INDEX);
    static final Column DESCRIPTION = COLUMNS.text("description", "What a row of the table is");
    static final Column COLUMN_COUNT = COLUMNS.integer("columns", "Number of columns, hidden ones included");
    static final Column EVENTED = COLUMNS.integer("evented", "1 if sensors fill the table with events, else 0");
    static final Column REQUIRED = COLUMNS.text("required_columns",
            "Comma-separated columns of which a query must constrain at least one");
    static final Column IMPLEMENTATION = COLUMNS.text("implementation", "Java class that generates the rows");
    static final Column SUPPORTED = COLUMNS.integer("supported", "1 if the table can produce rows on this host, else 0");
    static final Column UNSUPPORTED_REASON = COLUMNS.text("unsupported_reason",
            "Why the table has no rows on this host (no dpkg database, its sensor not running ...); NULL if it can have some");
    static final TableSpec SPEC = TableSpec.of("vigil_tables", "The tables this Vigil engine serves.", COLUMNS,
            "SELECT name, description FROM vigil_tables WHERE name LIKE 'process%'",
            "SELECT name, unsupported_reason FROM vigil_tables WHERE supported = 0");

    private final Supplier<List<Table>> tables;

    public VigilTablesTable(Supplier<List<Table>> tables) {
        this.tables = tables;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        for (Table table : tables.get()) {
            TableSpec spec = table.spec();
            Row row = new Row(SPEC);
            row.set(NAME, spec.name());
            row.set(DESCRIPTION, spec.description());
            row.set(COLUMN_COUNT, spec.columns().size());
            row.set(EVENTED, spec.evented());
            row.set(REQUIRED, String.join(",", spec.requiredColumns().stream().map(Column::name).toList()));
            row.set(IMPLEMENTATION, table.getClass().getName());
            var unsupported = table.unsupported();
            row.set(SUPPORTED, unsupported.isEmpty());
            row.set(UNSUPPORTED_REASON, unsupported.orElse(null));
            out.add(row);
        }
    }
}
