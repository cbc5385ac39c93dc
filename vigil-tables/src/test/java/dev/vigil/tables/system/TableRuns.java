package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test support: runs a table's generator, and runs host commands for ground truth. */
public final class TableRuns {

    private TableRuns() {
    }

    /** All rows of a full scan. */
    public static List<Row> scan(Table table) throws Exception {
        return scan(table, QueryContext.all(table.spec()));
    }

    /** Rows of a scan with the given context. */
    public static List<Row> scan(Table table, QueryContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        table.generate(context, rows::add);
        return rows;
    }

    /** A context with {@code column = value} constraints (several on one column make an IN list). */
    public static QueryContext where(Table table, List<String> warnings, Object... columnValuePairs) {
        List<Constraint> constraints = new ArrayList<>();
        for (int i = 0; i < columnValuePairs.length; i += 2) {
            constraints.add(new Constraint((Column) columnValuePairs[i], Constraint.Op.EQ, columnValuePairs[i + 1]));
        }
        return new QueryContext(table.spec(), constraints, null, warnings::add);
    }

    /** A fixture directory of src/test/resources, as a path. */
    public static Path resource(String name) {
        try {
            return Path.of(TableRuns.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** Runs a host command and returns its standard output; fails the test if it exits non-zero. */
    public static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue());
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
