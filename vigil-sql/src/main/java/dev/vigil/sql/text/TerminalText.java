package dev.vigil.sql.text;

/**
 * Text made safe to print on a terminal one line at a time: control characters (C0, DEL, C1) and bytes that are
 * not UTF-8 ({@link RawText}) become {@code \xNN}; invisible format characters (bidirectional overrides,
 * zero-width joiners) and line or paragraph separators become a backslash, {@code u} and the code point's hex in
 * braces; a backslash is doubled. So a hostile process name or command line cannot forge lines, reorder what is
 * shown, or send escape sequences. Stateless and thread-safe.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** The text with everything that is not visible, plain text escaped. */
    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && plain(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp >= 0xDC80 && cp <= 0xDCFF) {
                sb.append(String.format("\\x%02X", cp - 0xDC00)); // a byte that is not UTF-8
            } else if (cp < 0x20 || cp >= 0x7f && cp < 0xa0) {
                sb.append(String.format("\\x%02X", cp));
            } else if (cp == '\\') {
                sb.append("\\\\");
            } else if (Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029
                    || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED
                    && cp > 0xffff) {
                sb.append(String.format("\\u{%04X}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += width;
        }
        return sb.toString();
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7f && c != '\\';
    }
}
