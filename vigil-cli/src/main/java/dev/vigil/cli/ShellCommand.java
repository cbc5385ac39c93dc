package dev.vigil.cli;

import dev.vigil.cli.output.OutputMode;
import dev.vigil.cli.output.OutputOptions;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.dns.DnsSensor;
import dev.vigil.sensors.process.ProcessSensor;
import dev.vigil.sensors.socket.SocketSensor;
import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vigil shell}: osqueryi's interactive shell, with line editing and history when stdin is a terminal, or
 * statements read from stdin otherwise. Given SQL as an argument, runs it and exits, like {@code osqueryi "SQL"}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Interactive SQL shell over this host's tables (osqueryi's meta-commands: type .help).")
final class ShellCommand implements Callable<Integer> {
    @Mixin
    OutputFlags flags = new OutputFlags();

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "Run this SQL and exit instead of prompting")
    String sql;

    @picocli.CommandLine.Option(names = "--sensors", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "In an interactive shell, start the eBPF sensors so the *_events tables fill while it runs "
                    + "(default on; --no-sensors to skip)")
    boolean sensors = true;

    @picocli.CommandLine.Option(names = "--without-sensor", paramLabel = "NAME",
            description = "Do not start this sensor (process, socket or dns); repeatable. The dns sensor's libc uprobes "
                    + "cost every new process a little, which an exec-heavy host may not want")
    List<String> without = new ArrayList<>();

    /** The sensors this shell starts: all of them but those named by --without-sensor. */
    static Set<String> enabledSensors(List<String> without) {
        Set<String> names = new LinkedHashSet<>(SENSORS);
        for (String name : without) {
            if (!SENSORS.contains(name)) {
                throw new ParameterException(new CommandLine(new ShellCommand()),
                        "unknown sensor '" + name + "' for --without-sensor: use " + String.join(", ", SENSORS));
            }
            names.remove(name);
        }
        return names;
    }

    private static final List<String> SENSORS = List.of(ProcessSensor.NAME, SocketSensor.NAME, DnsSensor.NAME);

    @Override
    public Integer call() throws Exception {
        Set<String> enabled = enabledSensors(without);
        OutputOptions options = OutputOptions.DEFAULT.withMode(flags.mode(OutputMode.PRETTY)).withHeaders(flags.header);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean interactive = sql == null && System.console() != null && System.console().isTerminal();
        if (!interactive || !sensors || enabled.isEmpty()) {
            try (Engine engine = HostEngine.open(); Session session = engine.openSession()) {
                Shell shell = new Shell(engine, session, options, out, System.err);
                if (sql != null) { // like osqueryi "SQL": statements or meta-commands, one per line
                    for (String line : sql.split("\n")) {
                        if (!shell.accept(line)) {
                            break;
                        }
                    }
                    shell.finish();
                    return shell.errors() == 0 ? 0 : 1;
                }
                return interactive ? interactive(shell, session, new ShellCompleter(engine)) : fromStream(shell);
            }
        }
        try (HostEngine host = HostEngine.withSensors(SensorOptions.defaults().withSensors(enabled),
                System.err::println);
             Session session = host.engine().openSession()) {
            Shell shell = new Shell(host.engine(), session, options, out, System.err);
            return interactive(shell, session, new ShellCompleter(host.engine()));
        }
    }

    private static int fromStream(Shell shell) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!shell.accept(line)) {
                return shell.errors() == 0 ? 0 : 1;
            }
        }
        shell.finish();
        return shell.errors() == 0 ? 0 : 1;
    }

    private static int interactive(Shell shell, Session session, ShellCompleter completer) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("vigil")
                    .completer(completer)
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".vigil_history"))
                    .variable(LineReader.HISTORY_SIZE, 5000)
                    .build();
            terminal.writer().println("Using a virtual database. Type .help for help, .exit to leave.");
            terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
            while (true) {
                String line;
                try {
                    line = reader.readLine(shell.inStatement() ? "    ...> " : "vigil> ");
                } catch (UserInterruptException e) {
                    shell.discardPending();
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (!shell.accept(line)) {
                    return 0;
                }
            }
        }
    }
}
