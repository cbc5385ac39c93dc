package dev.vigil.sql.text;

import java.util.List;

/**
 * JSON text (RFC 8259) as osquery writes it, the one JSON writer of Vigil's output: strings escape {@code "},
 * {@code \}, {@code \b \f \n \r \t} and the other control characters as
 * six-character backslash-u escapes, and keep everything else,
 * including bytes that are not UTF-8 ({@link RawText}), which reach the output as the raw bytes osquery prints
 * (rapidjson's default writer). Stateless and thread-safe.
 */
public final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** A JSON string literal, quotes included; {@code null} for null. */
    public static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2);
        string(sb, s);
        return sb.toString();
    }

    /** Appends a JSON string literal, quotes included; {@code null} for null. */
    public static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A JSON array of strings. */
    public static String array(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, items.get(i));
        }
        return sb.append(']').toString();
    }

    /**
     * Builds one JSON object, members in the order they are added: {@code Json.object().field("a", "1").raw("n", "2")}.
     * Not thread-safe.
     */
    public static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    /** An object under construction; see {@link #object()}. */
    public static final class ObjectBuilder {
        private final StringBuilder sb = new StringBuilder("{");

        private ObjectBuilder() {
        }

        /** A member whose value is a string (or null). */
        public ObjectBuilder field(String name, String value) {
            name(name);
            string(sb, value);
            return this;
        }

        /** A member whose value is JSON text already (a number, true, an array, an object). */
        public ObjectBuilder raw(String name, String json) {
            name(name);
            sb.append(json);
            return this;
        }

        private void name(String name) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            string(sb, name);
            sb.append(':');
        }

        public String build() {
            return sb + "}";
        }
    }
}
