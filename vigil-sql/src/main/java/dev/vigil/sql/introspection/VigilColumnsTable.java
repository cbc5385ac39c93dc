package dev.vigil.sql.introspection;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code vigil_columns}: every column of every table, with type, flags and documentation. */
public final class VigilColumnsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column TABLE = COLUMNS.text("table_name", "Table the column belongs to", Column.Flag.INDEX);
    static final Column NAME = COLUMNS.text("name", "Column name");
    static final Column POSITION = COLUMNS.integer("position", "Position of the column in the table, from 0");
    static final Column TYPE = COLUMNS.text("type", "osquery type name: text, integer, bigint, unsigned_bigint, double, blob");
    static final Column REQUIRED = COLUMNS.integer("required", "1 if the column is one of the table's required columns");
    static final Column INDEXED = COLUMNS.integer("indexed", "1 if constraining the column makes the table do less work");
    static final Column HIDDEN = COLUMNS.integer("hidden", "1 if SELECT * leaves the column out");
    static final Column DESCRIPTION = COLUMNS.text("description", "What the column holds");
    static final TableSpec SPEC = TableSpec.of("vigil_columns", "The columns of every table this Vigil engine serves.",
            COLUMNS, "SELECT name, type, description FROM vigil_columns WHERE table_name = 'processes'");

    private final Supplier<List<Table>> tables;

    public VigilColumnsTable(Supplier<List<Table>> tables) {
        this.tables = tables;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        Set<String> wanted = context.equalsText(TABLE);
        for (Table table : tables.get()) {
            TableSpec spec = table.spec();
            if (!wanted.isEmpty() && !wanted.contains(spec.name())) {
                continue;
            }
            for (Column c : spec.columns()) {
                Row row = new Row(SPEC);
                row.set(TABLE, spec.name());
                row.set(NAME, c.name());
                row.set(POSITION, c.index());
                row.set(TYPE, c.type().osqueryName());
                row.set(REQUIRED, c.has(Column.Flag.REQUIRED));
                row.set(INDEXED, c.has(Column.Flag.INDEX));
                row.set(HIDDEN, c.has(Column.Flag.HIDDEN));
                row.set(DESCRIPTION, c.description());
                out.add(row);
            }
        }
    }
}
