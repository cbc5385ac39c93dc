package dev.vigil.host;

import dev.vigil.sql.text.Json;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Rows as osquery renders them, for every output that must look like osquery's (osqueryi's modes, result logs, the
 * remote API): every value is a string, NULL is empty (or the shell's null value), and a JSON row is an object with
 * its keys in byte order, as osquery's std::map rows give them. Stateless and thread-safe.
 */
public final class OsqueryRows {
    private OsqueryRows() {
    }

    /**
     * A value as osquery shows it: integers and text as they are, a double as its shortest decimal with ".0" when it is
     * whole, a blob as its text when it is printable ASCII, else as hex; NULL as {@code nullValue}.
     */
    public static String text(Object value, String nullValue) {
        return switch (value) {
            case null -> nullValue;
            case String s -> s;
            case Double d -> formatDouble(d);
            case byte[] b -> printable(b) ? new String(b, StandardCharsets.UTF_8) : HexFormat.of().formatHex(b);
            default -> value.toString();
        };
    }

    static String formatDouble(double d) {
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d + ".0";
        }
        return Double.toString(d);
    }

    private static boolean printable(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x >= 0x7f || x < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One row as a compact JSON object of strings, keys sorted by their bytes; of two columns with one name, the later
     * value is kept (osquery's rows are maps). NULL is "".
     */
    public static String json(List<String> columns, Object[] values) {
        TreeMap<String, String> row = new TreeMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), text(values[i], ""));
        }
        Json.ObjectBuilder object = Json.object();
        row.forEach(object::field);
        return object.build();
    }
}
