package dev.vigil.cli;

import dev.vigil.cli.output.OutputMode;
import picocli.CommandLine.Option;

/** osqueryi's output flags, shared by {@code shell} and {@code query}; at most one may be given. */
final class OutputFlags {
    @Option(names = "--json", description = "Print rows as a JSON array of objects (values as strings)")
    boolean json;
    @Option(names = "--csv", description = "Print rows as CSV with a header line")
    boolean csv;
    @Option(names = "--line", description = "Print each value on its own line: column = value")
    boolean line;
    @Option(names = "--list", description = "Print values separated by '|'")
    boolean list;
    @Option(names = "--header", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Print column names (default on; --no-header turns them off)")
    boolean header = true;

    OutputMode mode(OutputMode fallback) {
        int chosen = (json ? 1 : 0) + (csv ? 1 : 0) + (line ? 1 : 0) + (list ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("choose one of --json, --csv, --line, --list");
        }
        return json ? OutputMode.JSON : csv ? OutputMode.CSV : line ? OutputMode.LINE : list ? OutputMode.LIST : fallback;
    }
}
