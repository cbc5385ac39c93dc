package dev.vigil.cli.output;

import dev.vigil.host.OsqueryRows;
import dev.vigil.sql.ResultSink;
import dev.vigil.sql.StatementSummary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints results in one of osqueryi's output modes as the engine streams them. The line, CSV, list and JSON modes
 * print each row when it comes; the aligned modes (pretty, column) must see every row to size their columns, so they
 * hold the rows of one statement, up to a limit past which the statement stops with {@link ResultTooLargeException}
 * rather than exhausting memory. As in osqueryi, an empty result prints nothing (JSON: an empty array). A statement
 * that fails after some rows keeps them printed (a JSON array is closed), as sqlite3 does; one that fails before
 * its first row prints nothing. Confined to the thread running the statements.
 */
public final class ResultPrinter implements ResultSink {
    private final OutputOptions options;
    private final Output out;
    private final Consumer<StatementSummary> afterEach;
    private final long holdLimitBytes;
    private List<String> columns = List.of();
    private final List<List<String>> held = new ArrayList<>();
    private long heldBytes;
    private long rows;

    /**
     * @param afterEach  told when a statement completed, after its rows are printed (warnings, notes, timer)
     * @param holdLimitBytes the most an aligned mode may hold of one result, estimated
     */
    public ResultPrinter(OutputOptions options, Output out, Consumer<StatementSummary> afterEach, long holdLimitBytes) {
        this.options = options;
        this.out = out;
        this.afterEach = afterEach;
        this.holdLimitBytes = holdLimitBytes;
    }

    /** A limit of a quarter of the heap, at most 1 GiB, for the aligned modes. */
    public static long defaultHoldLimit() {
        return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    }

    @Override
    public void columns(List<String> names) {
        columns = names;
        held.clear();
        heldBytes = 0;
        rows = 0;
    }

    @Override
    public void row(Object[] values) throws IOException {
        rows++;
        if (rows == 1) {
            begin(); // the header waits for a first row: a statement that fails at once prints nothing
        }
        switch (options.mode()) {
            case PRETTY, COLUMN -> hold(values);
            case LINE -> {
                if (rows > 1) {
                    out.newline();
                }
                out.print(Formats.lines(columns, texts(values)));
            }
            case CSV -> out.println(Formats.join(texts(values), ",", true));
            case LIST -> out.println(Formats.join(texts(values), options.separator(), false));
            case JSON -> {
                if (rows > 1) {
                    out.print(",\n");
                }
                out.print("  " + OsqueryRows.json(columns, values));
            }
        }
    }

    private void begin() throws IOException {
        switch (options.mode()) {
            case CSV, LIST -> {
                if (options.headers()) {
                    out.println(Formats.join(columns, options.mode() == OutputMode.CSV ? "," : options.separator(),
                            options.mode() == OutputMode.CSV));
                }
            }
            case JSON -> out.print("[\n");
            default -> {
            }
        }
    }

    @Override
    public void completed(StatementSummary summary) throws IOException {
        if (rows == 0 && options.mode() == OutputMode.JSON && !columns.isEmpty()) {
            out.print("[\n"); // osqueryi prints an empty result as an empty array
            rows = -1;
        }
        finish();
        out.flush();
        afterEach.accept(summary);
    }

    @Override
    public void failed() throws IOException {
        finish();
        out.flush();
    }

    /** Prints what the mode held back, or closes what it opened. */
    private void finish() throws IOException {
        switch (options.mode()) {
            case PRETTY -> out.print(Formats.pretty(columns, held, options.headers()));
            case COLUMN -> out.print(Formats.column(columns, held, options.headers()));
            case JSON -> {
                if (rows != 0) {
                    out.print("\n]\n"); // osqueryi: "[\n" rows joined by ",\n" "\n]\n"
                }
            }
            default -> {
            }
        }
        held.clear();
    }

    private void hold(Object[] values) throws ResultTooLargeException {
        List<String> texts = texts(values);
        for (String t : texts) {
            heldBytes += 40 + 2L * t.length();
        }
        if (heldBytes > holdLimitBytes) {
            held.clear();
            throw new ResultTooLargeException(rows, holdLimitBytes);
        }
        held.add(texts);
    }

    private List<String> texts(Object[] values) {
        List<String> texts = new ArrayList<>(values.length);
        for (Object v : values) {
            texts.add(OsqueryRows.text(v, options.nullValue()));
        }
        return texts;
    }
}
