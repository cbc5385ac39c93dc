package dev.vigil.cli.output;

import java.util.Locale;

/** osqueryi's output modes ({@code .mode} and the --json/--csv/--line flags). */
public enum OutputMode {
    /** Boxed table, osqueryi's default. */
    PRETTY,
    /** One "column = value" line per value, a blank line between rows. */
    LINE,
    /** RFC 4180 comma-separated values with a header row. */
    CSV,
    /** A JSON array of objects, every value a string, like {@code osqueryi --json}. */
    JSON,
    /** Values separated by the separator (default "|"), with a header row. */
    LIST,
    /** Left-aligned columns separated by two spaces, with a header row. */
    COLUMN;

    public static OutputMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + name + "': use pretty, line, csv, json, list or column");
        }
    }
}
