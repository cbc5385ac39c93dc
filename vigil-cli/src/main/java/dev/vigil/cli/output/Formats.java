package dev.vigil.cli.output;

import java.util.ArrayList;
import java.util.List;

/** The text of osqueryi's output modes, built from rows of strings. Stateless and thread-safe. */
final class Formats {
    private Formats() {
    }

    /** The boxed table osqueryi prints by default; nothing for a result without rows, as osqueryi. */
    static String pretty(List<String> columns, List<List<String>> rows, boolean headers) {
        if (columns.isEmpty() || rows.isEmpty()) {
            return "";
        }
        int[] widths = widths(columns, rows, headers);
        StringBuilder border = new StringBuilder("+");
        for (int w : widths) {
            border.append("-".repeat(w + 2)).append('+');
        }
        StringBuilder sb = new StringBuilder();
        sb.append(border).append('\n');
        if (headers) {
            sb.append(boxedLine(columns, widths)).append('\n').append(border).append('\n');
        }
        for (List<String> row : rows) {
            sb.append(boxedLine(row, widths)).append('\n');
        }
        sb.append(border).append('\n');
        return sb.toString();
    }

    private static String boxedLine(List<String> values, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            sb.append(' ').append(v).append(" ".repeat(widths[i] - displayWidth(v))).append(" |");
        }
        return sb.toString();
    }

    /** One row as "column = value" lines, names right-aligned. */
    static String lines(List<String> columns, List<String> values) {
        int width = columns.stream().mapToInt(Formats::displayWidth).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            sb.append(" ".repeat(width - displayWidth(name))).append(name).append(" = ").append(values.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** Values joined by the separator; with {@code quote}, RFC 4180 quoting where a value needs it. */
    static String join(List<String> values, String separator, boolean quote) {
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

    /** Left-aligned columns separated by two spaces, with a dashed line under the header; nothing without rows. */
    static String column(List<String> columns, List<List<String>> rows, boolean headers) {
        if (rows.isEmpty()) {
            return "";
        }
        int[] widths = widths(columns, rows, headers);
        StringBuilder sb = new StringBuilder();
        if (headers) {
            sb.append(padded(columns, widths)).append('\n');
            List<String> dashes = new ArrayList<>();
            for (int w : widths) {
                dashes.add("-".repeat(w));
            }
            sb.append(padded(dashes, widths)).append('\n');
        }
        for (List<String> row : rows) {
            sb.append(padded(row, widths)).append('\n');
        }
        return sb.toString();
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
