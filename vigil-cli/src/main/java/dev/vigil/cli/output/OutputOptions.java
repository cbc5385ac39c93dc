package dev.vigil.cli.output;

/**
 * How results are printed; the shell's {@code .mode}, {@code .headers}, {@code .nullvalue} and {@code .separator}.
 *
 * @param nullValue text shown for SQL NULL (osquery's empty value), "" by default
 * @param separator between values in list mode
 */
public record OutputOptions(OutputMode mode, boolean headers, String nullValue, String separator) {
    public static final OutputOptions DEFAULT = new OutputOptions(OutputMode.PRETTY, true, "", "|");

    public OutputOptions withMode(OutputMode m) {
        return new OutputOptions(m, headers, nullValue, separator);
    }

    public OutputOptions withHeaders(boolean h) {
        return new OutputOptions(mode, h, nullValue, separator);
    }

    public OutputOptions withNullValue(String n) {
        return new OutputOptions(mode, headers, n, separator);
    }

    public OutputOptions withSeparator(String s) {
        return new OutputOptions(mode, headers, nullValue, s);
    }
}
