package dev.vigil.cli.output;

import dev.vigil.sql.QueryResult;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Prints query results in one of osqueryi's output modes. Stateless and thread-safe. */
public final class ResultPrinter {
    private ResultPrinter() {
    }

    public static void print(QueryResult result, OutputOptions options, PrintStream out) {
        List<String> columns = result.columns();
        List<List<String>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            List<String> texts = new ArrayList<>(row.size());
            for (Object v : row) {
                texts.add(text(v, options.nullValue()));
            }
            rows.add(texts);
        }
        switch (options.mode()) {
            case PRETTY -> pretty(columns, rows, options.headers(), out);
            case LINE -> line(columns, rows, out);
            case CSV -> delimited(columns, rows, options.headers(), ",", true, out);
            case LIST -> delimited(columns, rows, options.headers(), options.separator(), false, out);
            case COLUMN -> column(columns, rows, options.headers(), out);
            case JSON -> JsonRows.print(columns, result.rows(), out);
        }
        out.flush();
    }

    /** A value as osquery shows it: integers and text as is, doubles without a trailing ".0" only when integral. */
    static String text(Object value, String nullValue) {
        return switch (value) {
            case null -> nullValue;
            case String s -> s;
            case Double d -> formatDouble(d);
            case byte[] b -> new String(b, StandardCharsets.UTF_8).chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    ? new String(b, StandardCharsets.UTF_8) : HexFormat.of().formatHex(b);
            default -> value.toString();
        };
    }

    static String formatDouble(double d) {
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d);
    }

    private static void pretty(List<String> columns, List<List<String>> rows, boolean headers, PrintStream out) {
        if (columns.isEmpty()) {
            return;
        }
        int[] widths = widths(columns, rows, headers);
        StringBuilder border = new StringBuilder("+");
        for (int w : widths) {
            border.append("-".repeat(w + 2)).append('+');
        }
        out.println(border);
        if (headers) {
            out.println(boxedLine(columns, widths));
            out.println(border);
        }
        for (List<String> row : rows) {
            out.println(boxedLine(row, widths));
        }
        if (!rows.isEmpty() || !headers) {
            out.println(border);
        }
    }

    private static String boxedLine(List<String> values, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            sb.append(' ').append(v).append(" ".repeat(widths[i] - displayWidth(v))).append(" |");
        }
        return sb.toString();
    }

    private static void line(List<String> columns, List<List<String>> rows, PrintStream out) {
        int width = columns.stream().mapToInt(ResultPrinter::displayWidth).max().orElse(0);
        boolean first = true;
        for (List<String> row : rows) {
            if (!first) {
                out.println();
            }
            first = false;
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i);
                out.println(" ".repeat(width - displayWidth(name)) + name + " = " + row.get(i));
            }
        }
    }

    private static void delimited(List<String> columns, List<List<String>> rows, boolean headers, String separator,
                                  boolean quote, PrintStream out) {
        if (headers && !columns.isEmpty()) {
            out.println(join(columns, separator, quote));
        }
        for (List<String> row : rows) {
            out.println(join(row, separator, quote));
        }
    }

    private static String join(List<String> values, String separator, boolean quote) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            String v = values.get(i);
            if (quote && (v.contains(separator) || v.contains("\"") || v.contains("\n") || v.contains("\r"))) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private static void column(List<String> columns, List<List<String>> rows, boolean headers, PrintStream out) {
        int[] widths = widths(columns, rows, headers);
        if (headers) {
            out.println(padded(columns, widths));
            List<String> dashes = new ArrayList<>();
            for (int w : widths) {
                dashes.add("-".repeat(w));
            }
            out.println(padded(dashes, widths));
        }
        for (List<String> row : rows) {
            out.println(padded(row, widths));
        }
    }

    private static String padded(List<String> values, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            sb.append(v);
            if (i < values.size() - 1) {
                sb.append(" ".repeat(widths[i] - displayWidth(v) + 2));
            }
        }
        return sb.toString();
    }

    private static int[] widths(List<String> columns, List<List<String>> rows, boolean headers) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = headers ? displayWidth(columns.get(i)) : 0;
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], displayWidth(row.get(i)));
            }
        }
        return widths;
    }

    /** Code points, so that accented text lines up; wide CJK glyphs are not measured. */
    static int displayWidth(String s) {
        return s.codePointCount(0, s.length());
    }
}
