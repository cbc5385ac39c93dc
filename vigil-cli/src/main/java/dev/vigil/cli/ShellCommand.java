package dev.vigil.cli;

import dev.vigil.cli.output.Output;
import dev.vigil.cli.output.OutputMode;
import dev.vigil.cli.output.OutputOptions;
import dev.vigil.host.HostEngine;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.dns.DnsSensor;
import dev.vigil.sensors.process.ProcessSensor;
import dev.vigil.sensors.socket.SocketSensor;
import dev.vigil.sql.Session;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.text.RawText;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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

    @picocli.CommandLine.Option(names = "--verbose",
            description = "Also print notes: paths that do not exist, directories that could not be read, tables this "
                    + "host does not support")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Set<String> enabled = enabledSensors(without);
        OutputOptions options = OutputOptions.DEFAULT.withMode(flags.mode(OutputMode.PRETTY)).withHeaders(flags.header);
        Output out = Output.stdout();
        boolean interactive = sql == null && System.console() != null && System.console().isTerminal();
        try {
            if (!interactive || !sensors || enabled.isEmpty()) {
                try (HostEngine host = HostEngine.idle(HostPaths.live()); Session session = host.engine().openSession()) {
                    Shell shell = new Shell(host.engine(), session, options, out, System.err, verbose);
                    if (sql != null) { // like osqueryi "SQL": statements or meta-commands, one per line
                        for (String line : sql.split("\n")) {
                            if (!shell.accept(line)) {
                                break;
                            }
                        }
                        shell.finish();
                        return shell.errors() == 0 ? 0 : 1;
                    }
                    return interactive ? interactive(shell, host, session) : fromStream(shell);
                }
            }
            try (HostEngine host = HostEngine.withSensors(HostPaths.live(),
                    SensorOptions.defaults().withSensors(enabled), System.err::println);
                 Session session = host.engine().openSession()) {
                Shell shell = new Shell(host.engine(), session, options, out, System.err, verbose);
                return interactive(shell, host, session);
            }
        } catch (IOException e) {
            if (Output.isBrokenPipe(e)) {
                return QueryCommand.BROKEN_PIPE;
            }
            throw e;
        }
    }

    /** Statements from a pipe or file, a line at a time, each line's bytes kept as they are. */
    private static int fromStream(Shell shell) throws IOException {
        InputStream in = new BufferedInputStream(System.in);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while (true) {
            b = in.read();
            if (b == '\n' || b < 0 && line.size() > 0) {
                if (!shell.accept(RawText.decode(line.toByteArray()))) {
                    return shell.errors() == 0 ? 0 : 1;
                }
                line.reset();
            } else if (b >= 0) {
                line.write(b);
            }
            if (b < 0) {
                break;
            }
        }
        shell.finish();
        return shell.errors() == 0 ? 0 : 1;
    }

    private int interactive(Shell shell, HostEngine host, Session session) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("vigil")
                    .completer(new ShellCompleter(host.engine()))
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .variable(LineReader.HISTORY_FILE, privateHistory())
                    .variable(LineReader.HISTORY_SIZE, 5000)
                    .build();
            terminal.writer().println("Using a virtual database. Type .help for help, .exit to leave.");
            List<HostEngine.UnsupportedTable> unsupported = host.unsupportedTables();
            if (!unsupported.isEmpty()) {
                terminal.writer().println(unsupported.size() + " tables have no rows on this host (vigil_tables says why"
                        + (verbose ? "):" : "; --verbose lists them)."));
                if (verbose) {
                    unsupported.forEach(t -> terminal.writer().println("  " + t.name() + ": " + t.reason()));
                }
            }
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

    /**
     * ~/.vigil_history, readable by its owner only: queries can name what an attacker would like to know of a host.
     * Created 0600 if missing; tightened if it exists with wider permissions.
     */
    static Path privateHistory() throws IOException {
        Path history = Path.of(System.getProperty("user.home"), ".vigil_history");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.exists(history, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isSymbolicLink(history)) {
                Files.setPosixFilePermissions(history, ownerOnly);
            }
        } else {
            Files.createFile(history, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        return history;
    }
}
