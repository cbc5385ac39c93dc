package dev.vigil.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/** Entry point of the {@code vigil} command. */
public final class Main {
    /**
     * Sub-commands that can be built alone: picocli builds its model of a command by reflection, which costs a
     * one-shot query more than its SQL does, so only the command being run is built.
     */
    private static final Map<String, Supplier<CommandLine>> SUBCOMMANDS = Map.of(
            "query", QueryCommand::commandLine,
            "shell", () -> new CommandLine(new ShellCommand()),
            "trace", () -> new CommandLine(new TraceCommand()),
            "docs", () -> new CommandLine(new DocsCommand()));

    /** What the root command itself takes; any other first argument belongs to the shell. */
    private static final java.util.Set<String> ROOT_OPTIONS = java.util.Set.of("--help", "-h", "--version", "-V");

    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main entered");
        System.exit(run(RawArguments.recover(args)));
    }

    /**
     * Runs the command line and returns the exit status, without exiting (for tests). With no sub-command the
     * arguments are the shell's, as osqueryi's are: {@code vigil --without-sensor dns}, {@code vigil --json "SQL"}.
     */
    public static int run(String... args) {
        if (args.length > 0 && !SUBCOMMANDS.containsKey(args[0]) && !ROOT_OPTIONS.contains(args[0])) {
            String[] shell = new String[args.length + 1];
            shell[0] = "shell";
            System.arraycopy(args, 0, shell, 1, args.length);
            args = shell;
        }
        if (args.length > 0 && args[0].equals("query")) {
            QueryCommand simple = QueryCommand.parseSimple(Arrays.copyOfRange(args, 1, args.length));
            if (simple != null) {
                StartupTrace.mark("command line parsed without picocli");
                try {
                    return simple.call();
                } catch (Exception e) {
                    System.err.println("vigil: " + e.getMessage());
                    return 1;
                }
            }
        }
        Supplier<CommandLine> sub = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        CommandLine cli = sub == null ? new CommandLine(new VigilCommand()).addSubcommand("query", QueryCommand.commandLine())
                : sub.get().setCommandName("vigil " + args[0]);
        StartupTrace.mark("command model built");
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("vigil: " + e.getMessage());
            return 1;
        });
        return cli.execute(sub == null ? args : Arrays.copyOfRange(args, 1, args.length));
    }
}
