package dev.vigil.cli;

import dev.vigil.cli.output.OutputMode;
import dev.vigil.cli.output.OutputOptions;
import dev.vigil.cli.output.ResultPrinter;
import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vigil query [--json|--csv|--line|--list] [--no-header] "SQL"} (or SQL on stdin): runs once, prints,
 * exits. Status 0 on success; 1 if a statement failed or a table warned (a path that does not exist), with the
 * message on stderr; 2 on bad arguments.
 *
 * <p>Its picocli model is built programmatically rather than from annotations: reading annotations makes the
 * JDK generate a proxy class per annotation type, about 150 ms of a one-shot query's start on this machine.
 */
final class QueryCommand implements Callable<Integer> {
    final OutputFlags flags = new OutputFlags();
    String sql;

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
        spec.addPositional(PositionalParamSpec.builder().paramLabel("SQL").arity("0..1").type(String.class)
                .description("The SQL to run; stdin when absent").build());
        CommandLine cli = new CommandLine(spec);
        cli.setExecutionStrategy(parsed -> {
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            try {
                return fromParse(parsed).call();
            } catch (java.io.IOException e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
        });
        return cli;
    }

    /**
     * The common case without picocli: only output flags and at most one SQL argument. Returns null for anything
     * else (help, version, unknown options, several arguments), which picocli then parses and reports. Building
     * picocli's model costs more than a small query.
     */
    static QueryCommand parseSimple(String[] args) {
        QueryCommand command = new QueryCommand();
        boolean positionalOnly = false;
        for (String arg : args) {
            if (!positionalOnly && arg.startsWith("-")) {
                switch (arg) {
                    case "--json" -> command.flags.json = true;
                    case "--csv" -> command.flags.csv = true;
                    case "--line" -> command.flags.line = true;
                    case "--list" -> command.flags.list = true;
                    case "--header" -> command.flags.header = true;
                    case "--no-header" -> command.flags.header = false;
                    case "--" -> positionalOnly = true;
                    default -> {
                        return null;
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

    private static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").description(description).build();
    }

    private static QueryCommand fromParse(ParseResult parsed) {
        QueryCommand command = new QueryCommand();
        command.flags.json = parsed.matchedOptionValue("--json", false);
        command.flags.csv = parsed.matchedOptionValue("--csv", false);
        command.flags.line = parsed.matchedOptionValue("--line", false);
        command.flags.list = parsed.matchedOptionValue("--list", false);
        command.flags.header = parsed.matchedOptionValue("--header", true);
        command.sql = parsed.matchedPositionalValue(0, null);
        return command;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        OutputOptions options;
        try {
            options = OutputOptions.DEFAULT.withMode(flags.mode(OutputMode.PRETTY)).withHeaders(flags.header);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil query: " + e.getMessage());
            return 2;
        }
        String text = sql != null ? sql : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            System.err.println("vigil query: no SQL given: pass it as an argument or on stdin");
            return 2;
        }
        int status = 0;
        StartupTrace.mark("arguments parsed");
        try (Engine engine = HostEngine.open(); Session session = startSession(engine)) {
            List<QueryResult> results = session.execute(text);
            StartupTrace.mark("query run");
            for (QueryResult r : results) {
                ResultPrinter.print(r, options, out);
                for (String w : r.warnings()) {
                    System.err.println("Warning: " + w);
                    status = 1;
                }
            }
        } catch (SqlException e) {
            out.flush();
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        out.flush();
        StartupTrace.mark("output printed");
        return status;
    }

    private static Session startSession(Engine engine) throws SqlException {
        StartupTrace.mark("tables loaded");
        Session session = engine.openSession();
        StartupTrace.mark("session open");
        return session;
    }
}
