package dev.vigil.cli;

import dev.vigil.cli.output.Output;
import dev.vigil.cli.output.OutputMode;
import dev.vigil.cli.output.OutputOptions;
import dev.vigil.cli.output.ResultPrinter;
import dev.vigil.cli.output.ResultTooLargeException;
import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;
import dev.vigil.sql.StatementSummary;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The interactive shell's logic, independent of the terminal: it takes input line by line, runs SQL statements
 * once they are complete (ended by ';', across lines) and osqueryi's meta-commands, and prints results to the
 * output as they come, messages to the error stream. Confined to one thread. A failure to write the results (a
 * closed pipe) ends it with the IOException.
 */
public final class Shell {
    private final Engine engine;
    private final Session session;
    private final Output out;
    private final PrintStream err;
    private final boolean verbose;
    private final StringBuilder pending = new StringBuilder();
    private OutputOptions options;
    private boolean timer;
    private int errors;

    /** @param verbose print the notes of each statement (paths that do not exist, unsupported tables) */
    public Shell(Engine engine, Session session, OutputOptions options, Output out, PrintStream err, boolean verbose) {
        this.engine = engine;
        this.session = session;
        this.options = options;
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    /** True while a statement has begun but not ended; the prompt shows a continuation. */
    public boolean inStatement() {
        return !pending.isEmpty();
    }

    /** How many statements or commands failed so far. */
    public int errors() {
        return errors;
    }

    /** Drops a half-typed statement (Ctrl-C at the prompt). */
    public void discardPending() {
        pending.setLength(0);
    }

    /** Takes one line of input. Returns false when the user asked to leave. */
    public boolean accept(String line) throws IOException {
        if (pending.isEmpty() && line.strip().startsWith(".")) {
            boolean goOn = meta(line.strip());
            out.flush();
            return goOn;
        }
        if (pending.isEmpty() && line.isBlank()) {
            return true;
        }
        pending.append(line).append('\n');
        String sql = pending.toString();
        if (Engine.isComplete(sql)) {
            pending.setLength(0);
            run(sql);
        }
        return true;
    }

    /** Runs what is left at end of input even without a final ';', as osqueryi does. */
    public void finish() throws IOException {
        if (!pending.toString().isBlank()) {
            String sql = pending.toString();
            pending.setLength(0);
            run(sql);
        }
    }

    /** Runs SQL and prints each statement's rows as they come, then its warnings (and notes, if verbose). */
    public void run(String sql) throws IOException {
        try {
            session.execute(sql, new ResultPrinter(options, out, this::report, ResultPrinter.defaultHoldLimit()));
            out.flush();
        } catch (SqlException | ResultTooLargeException e) {
            errors++;
            out.flush();
            err.println("Error: " + e.getMessage());
        }
    }

    private void report(StatementSummary summary) {
        for (String w : summary.warnings()) {
            err.println("Warning: " + w);
        }
        if (verbose) {
            for (String n : summary.notes()) {
                err.println("Note: " + n);
            }
        }
        if (timer) {
            try {
                out.println(String.format(Locale.ROOT, "Run Time: real %.3f s", summary.elapsedNanos() / 1e9));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private boolean meta(String line) throws IOException {
        String[] parts = line.split("\\s+", 2);
        String command = parts[0];
        String arg = parts.length > 1 ? parts[1].strip() : "";
        try {
            switch (command) {
                case ".exit", ".quit" -> {
                    return false;
                }
                case ".help" -> help();
                case ".tables" -> tables(arg);
                case ".schema" -> schema(arg);
                case ".all" -> {
                    requireArgument(command, arg, "TABLE");
                    run("SELECT * FROM \"" + arg.replace("\"", "\"\"") + "\";");
                }
                case ".mode" -> {
                    requireArgument(command, arg, "pretty|line|csv|json|list|column");
                    options = options.withMode(OutputMode.parse(arg));
                }
                case ".headers", ".header" -> options = options.withHeaders(onOff(command, arg));
                case ".timer" -> timer = onOff(command, arg);
                case ".nullvalue" -> options = options.withNullValue(unquote(arg));
                case ".separator" -> {
                    requireArgument(command, arg, "STRING");
                    options = options.withSeparator(unquote(arg));
                }
                case ".show" -> show();
                default -> throw new IllegalArgumentException("unknown command " + command + ": type .help for the list");
            }
        } catch (IllegalArgumentException e) {
            errors++;
            err.println("Error: " + e.getMessage());
        }
        return true;
    }

    private void help() throws IOException {
        out.println("""
                Welcome to the Vigil shell. Type SQL ending with ';' (statements may span lines), or:
                  .all TABLE         Select all from a table
                  .exit / .quit      Leave the shell
                  .headers on|off    Show column names (default on)
                  .help              This text
                  .mode MODE         Output mode: pretty, line, csv, json, list, column
                  .nullvalue TEXT    Text shown for NULL values (default empty)
                  .schema [TABLE]    CREATE TABLE statements of all tables or one
                  .separator TEXT    Separator of list mode (default "|")
                  .show              Current settings
                  .tables [TEXT]     Tables, or those whose name contains TEXT
                  .timer on|off      Print how long each query took
                SQL functions of osquery are available (regex_match, split, sha256, ...); see vigil_tables and
                vigil_columns for every table and column.""");
    }

    private void tables(String filter) throws IOException {
        for (String name : engine.tables().keySet()) {
            if (filter.isEmpty() || name.contains(filter)) {
                out.println("  => " + name);
            }
        }
    }

    private void schema(String table) throws IOException {
        if (!table.isEmpty() && engine.table(table).isEmpty()) {
            throw new IllegalArgumentException("no table named " + table + ": .tables lists them");
        }
        for (Table t : engine.tables().values()) {
            if (table.isEmpty() || t.spec().name().equals(table)) {
                out.println(createStatement(t.spec()));
            }
        }
    }

    /** osqueryi's .schema form: {@code CREATE TABLE name(`col` TYPE, ...);} with HIDDEN markers. */
    static String createStatement(TableSpec spec) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(spec.name()).append('(');
        for (Column c : spec.columns()) {
            if (c.index() > 0) {
                sb.append(", ");
            }
            sb.append('`').append(c.name()).append("` ").append(c.type().sqlName());
            if (c.has(Column.Flag.HIDDEN)) {
                sb.append(" HIDDEN");
            }
            if (c.has(Column.Flag.REQUIRED)) {
                sb.append(" REQUIRED");
            }
        }
        return sb.append(");").toString();
    }

    private void show() throws IOException {
        out.println("    mode: " + options.mode().name().toLowerCase(Locale.ROOT));
        out.println(" headers: " + (options.headers() ? "on" : "off"));
        out.println("   timer: " + (timer ? "on" : "off"));
        out.println("nullvalue: \"" + options.nullValue() + "\"");
        out.println("separator: \"" + options.separator() + "\"");
        out.println("  sqlite: " + Engine.sqliteVersion());
    }

    private static boolean onOff(String command, String arg) {
        return switch (arg.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "1", "true" -> true;
            case "off", "no", "0", "false" -> false;
            default -> throw new IllegalArgumentException(command + " takes on or off, not '" + arg + "'");
        };
    }

    private static void requireArgument(String command, String arg, String what) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException(command + " needs an argument: " + command + " " + what);
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
