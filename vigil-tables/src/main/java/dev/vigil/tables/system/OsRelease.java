package dev.vigil.tables.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables of an os-release(5) file (/etc/os-release, else /usr/lib/os-release): {@code KEY=value} lines,
 * values optionally in double or single quotes with backslash escapes, {@code #} comments.
 */
public final class OsRelease {

    private OsRelease() {
    }

    /** Keys to values, in file order; a key given twice keeps its last value. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char q = value.charAt(0);
            if ((q == '"' || q == '\'') && value.charAt(value.length() - 1) == q) {
                value = value.substring(1, value.length() - 1);
                if (q == '\'') {
                    return value;
                }
            }
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
