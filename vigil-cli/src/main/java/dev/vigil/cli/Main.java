package dev.vigil.cli;

import picocli.CommandLine;

/** Entry point of the {@code vigil} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (System.getenv("VIGIL_NO_WARMUP") == null) dev.vigil.sql.Engine.prepareInBackground();
        StartupTrace.mark("main entered");
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status, without exiting (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new VigilCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("vigil: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }
}
