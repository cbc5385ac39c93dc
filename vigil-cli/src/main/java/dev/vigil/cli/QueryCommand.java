package dev.vigil.cli;

import dev.vigil.cli.output.Output;
import dev.vigil.cli.output.OutputMode;
import dev.vigil.cli.output.OutputOptions;
import dev.vigil.cli.output.ResultPrinter;
import dev.vigil.cli.output.ResultTooLargeException;
import dev.vigil.host.HostEngine;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;
import dev.vigil.sql.StatementSummary;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.text.RawText;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code vigil query [--json|--csv|--line|--list] [--no-header] [--verbose] [--timeout S] "SQL"} (or SQL on stdin):
 * runs once, prints each statement's rows as they come, exits. Exit status: 0 when every statement succeeded
 * (warnings and notes do not change it); 1 when a statement failed (its error on stderr; the results of the
 * statements before it are printed), when it ran out of time or the result could not be held; 2 on bad arguments;
 * 130 on Ctrl-C; 141 when the reader of the output went away (a closed pipe, as a process killed by SIGPIPE).
 *
 * <p>Its picocli model is built programmatically rather than from annotations: reading annotations makes the
 * JDK generate a proxy class per annotation type, about 150 ms of a one-shot query's start on this machine.
 */
final class QueryCommand implements Callable<Integer> {
    static final int INTERRUPTED = 130;
    static final int BROKEN_PIPE = 141;

    final OutputFlags flags = new OutputFlags();
    String sql;
    boolean verbose;
    Duration timeout;

    /** The command line of {@code vigil query}: parses into a new QueryCommand and runs it. */
    static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name("query").mixinStandardHelpOptions(true);
        spec.usageMessage().description(
                "Run SQL once and print the result (for scripts). Reads the SQL from stdin if not given.");
        spec.addOption(flag("--json", "Print rows as a JSON array of objects (values as strings)"));
        spec.addOption(flag("--csv", "Print rows as CSV with a header line"));
        spec.addOption(flag("--line", "Print each value on its own line: column = value"));
        spec.addOption(flag("--list", "Print values separated by '|'"));
        spec.addOption(OptionSpec.builder("--header").negatable(true).type(boolean.class).defaultValue("true")
                .fallbackValue("true").description("Print column names (default on; --no-header turns them off)").build());
        spec.addOption(flag("--verbose", "Also print notes: paths that do not exist, directories that could not be "
                + "read, tables this host does not support"));
        spec.addOption(OptionSpec.builder("--timeout").paramLabel("SECONDS").type(String.class)
                .description("Stop the query if it runs longer than this (exit status 1)").build());
        spec.addPositional(PositionalParamSpec.builder().paramLabel("SQL").arity("0..1").type(String.class)
                .description("The SQL to run; stdin when absent").build());
        CommandLine cli = new CommandLine(spec);
        cli.setExecutionStrategy(parsed -> {
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            QueryCommand command = fromParse(parsed);
            return command == null ? 2 : command.call();
        });
        return cli;
    }

    /**
     * The common case without picocli: output flags, --verbose, --timeout and at most one SQL argument. Returns null
     * for anything else (help, unknown options, several arguments), which picocli then parses and reports. Building
     * picocli's model costs more than a small query.
     */
    static QueryCommand parseSimple(String[] args) {
        QueryCommand command = new QueryCommand();
        boolean positionalOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!positionalOnly && arg.startsWith("-")) {
                switch (arg) {
                    case "--json" -> command.flags.json = true;
                    case "--csv" -> command.flags.csv = true;
                    case "--line" -> command.flags.line = true;
                    case "--list" -> command.flags.list = true;
                    case "--header" -> command.flags.header = true;
                    case "--no-header" -> command.flags.header = false;
                    case "--verbose" -> command.verbose = true;
                    case "--" -> positionalOnly = true;
                    default -> {
                        String value = arg.startsWith("--timeout=") ? arg.substring("--timeout=".length())
                                : arg.equals("--timeout") && i + 1 < args.length ? args[++i] : null;
                        if (value == null || !command.setTimeout(value)) {
                            return null;
                        }
                    }
                }
            } else if (command.sql == null) {
                command.sql = arg;
            } else {
                return null;
            }
        }
        return command;
    }

    /** Sets the timeout from seconds; false if the text is not a positive number of seconds. */
    private boolean setTimeout(String seconds) {
        try {
            double s = Double.parseDouble(seconds);
            if (!(s > 0) || s > 1e9) {
                return false;
            }
            timeout = Duration.ofNanos((long) (s * 1e9));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").description(description).build();
    }

    /** The command picocli parsed; null (after saying why) when a value is out of range. */
    private static QueryCommand fromParse(ParseResult parsed) {
        QueryCommand command = new QueryCommand();
        command.flags.json = parsed.matchedOptionValue("--json", false);
        command.flags.csv = parsed.matchedOptionValue("--csv", false);
        command.flags.line = parsed.matchedOptionValue("--line", false);
        command.flags.list = parsed.matchedOptionValue("--list", false);
        command.flags.header = parsed.matchedOptionValue("--header", true);
        command.verbose = parsed.matchedOptionValue("--verbose", false);
        String timeout = parsed.matchedOptionValue("--timeout", null);
        if (timeout != null && !command.setTimeout(timeout)) {
            System.err.println("vigil query: --timeout takes a positive number of seconds, not '" + timeout + "'");
            return null;
        }
        command.sql = parsed.matchedPositionalValue(0, null);
        return command;
    }

    @Override
    public Integer call() {
        PrintStream err = System.err;
        OutputOptions options;
        try {
            options = OutputOptions.DEFAULT.withMode(flags.mode(OutputMode.PRETTY)).withHeaders(flags.header);
        } catch (IllegalArgumentException e) {
            err.println("vigil query: " + e.getMessage());
            return 2;
        }
        String text;
        try {
            text = sql != null ? sql : RawText.decode(System.in.readAllBytes());
        } catch (IOException e) {
            err.println("vigil query: reading the SQL from stdin: " + e.getMessage());
            return 1;
        }
        if (text.isBlank()) {
            err.println("vigil query: no SQL given: pass it as an argument or on stdin");
            return 2;
        }
        StartupTrace.mark("arguments parsed");
        Output out = Output.stdout();
        Interrupts interrupts = new Interrupts();
        try (HostEngine host = HostEngine.idle(HostPaths.live());
             Session session = openSession(host)) {
            session.setTimeout(timeout);
            interrupts.onInterrupt(session::interrupt);
            session.execute(text, new ResultPrinter(options, out, this::report, ResultPrinter.defaultHoldLimit()));
            out.flush();
            StartupTrace.mark("output printed");
            return 0;
        } catch (SqlException e) {
            flushQuietly(out);
            if (interrupts.happened()) {
                err.println("vigil query: interrupted");
                return INTERRUPTED;
            }
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (ResultTooLargeException e) {
            flushQuietly(out);
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            if (Output.isBrokenPipe(e)) {
                return BROKEN_PIPE;
            }
            err.println("vigil query: writing the result failed: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("Error: out of memory while running the query: narrow it with WHERE or LIMIT, or use --csv, "
                    + "--json, --line or --list, which print rows as they come");
            return 1;
        } finally {
            interrupts.close();
        }
    }

    private void report(StatementSummary summary) {
        for (String w : summary.warnings()) {
            System.err.println("Warning: " + w);
        }
        if (verbose) {
            for (String n : summary.notes()) {
                System.err.println("Note: " + n);
            }
        }
    }

    private static void flushQuietly(Output out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // the error that follows matters more than output that could not be written
        }
    }

    private static Session openSession(HostEngine host) throws SqlException {
        StartupTrace.mark("tables loaded");
        Session session = host.engine().openSession();
        StartupTrace.mark("session open");
        return session;
    }
}
