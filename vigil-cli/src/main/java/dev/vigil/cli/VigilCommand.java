package dev.vigil.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code vigil}: with no sub-command, the interactive shell. {@code query} is added by {@link Main}. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Vigil: ask your Linux hosts questions in SQL (osquery's dialect and tables).",
        subcommands = {ShellCommand.class, TraceCommand.class, DocsCommand.class})
final class VigilCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return new ShellCommand().call();
    }
}
