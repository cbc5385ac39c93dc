package dev.vigil.cli;

import dev.vigil.cli.output.OutputMode;
import dev.vigil.cli.output.OutputOptions;
import dev.vigil.cli.output.ResultPrinter;
import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vigil query [--json|--csv|--line] "SQL"} (or SQL on stdin): runs once, prints, exits. Status 0 on
 * success; 1 if a statement failed or a table warned (a path that does not exist), with the message on stderr.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run SQL once and print the result (for scripts). Reads the SQL from stdin if not given.")
final class QueryCommand implements Callable<Integer> {
    @Mixin
    OutputFlags flags = new OutputFlags();

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "The SQL to run; stdin when absent")
    String sql;

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
