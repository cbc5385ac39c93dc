package dev.vigil.sql.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text that keeps every byte: how Vigil turns the bytes of file names, command lines and process names (which
 * Linux lets be anything) into Java strings and back without losing one, whatever the locale. osquery hands such
 * bytes to SQLite and to its output unchanged; so does Vigil.
 *
 * <p>The mapping is UTF-8 with escapes for the rest (Python's "surrogateescape"): valid UTF-8 decodes as usual, and
 * each byte of an invalid sequence becomes the lone surrogate U+DC80 + (byte - 0x80), which valid UTF-8 never
 * produces. {@link #encode} turns those back into the original bytes, so {@code encode(decode(b))} equals {@code b}
 * for every byte array. A lone surrogate outside U+DC80..U+DCFF (which only Java code can make) encodes as '?'.
 * Stateless and thread-safe.
 */
public final class RawText {
    private static final char ESCAPE_BASE = 0xDC00;

    private RawText() {
    }

    /** The text of the bytes, escaping those that are not UTF-8. */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The text of bytes[offset, offset + length), escaping those that are not UTF-8. */
    public static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1); // ASCII: the fastest decoder
        }
        if (validUtf8(bytes, i, end)) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(length);
        sb.append(new String(bytes, offset, i - offset, StandardCharsets.ISO_8859_1));
        while (i < end) {
            int b = bytes[i] & 0xff;
            int n = sequenceLength(bytes, i, end);
            if (n == 1 && b < 0x80) {
                sb.append((char) b);
            } else if (n > 1) {
                sb.append(new String(bytes, i, n, StandardCharsets.UTF_8));
            } else {
                n = 1;
                sb.append((char) (ESCAPE_BASE + b));
            }
            i += n;
        }
        return sb.toString();
    }

    /** The bytes the text stands for: UTF-8, with escaped bytes restored. */
    public static byte[] encode(String text) {
        int length = text.length();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (!hasSurrogates(text)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[length * 3];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xc0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[n++] = (byte) (0xf0 | cp >> 18);
                out[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
                out[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
                out[n++] = (byte) (0x80 | cp & 0x3f);
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                out[n++] = (byte) (c - ESCAPE_BASE);
            } else if (Character.isSurrogate(c)) {
                out[n++] = '?';
            } else {
                out[n++] = (byte) (0xe0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[n++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** True if the text holds bytes that are not UTF-8 (escaped by {@link #decode}). */
    public static boolean hasRawBytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean validUtf8(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end) {
            int n = sequenceLength(bytes, i, end);
            if (n == 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /**
     * The length of the well-formed UTF-8 sequence at i (RFC 3629: no overlong forms, no surrogates, nothing past
     * U+10FFFF), or 0 if there is none.
     */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int b = bytes[i] & 0xff;
        if (b < 0x80) {
            return 1;
        }
        int n;
        int min;
        int max;
        if (b >= 0xc2 && b <= 0xdf) {
            n = 2;
            min = 0x80;
            max = 0xbf;
        } else if (b >= 0xe0 && b <= 0xef) {
            n = 3;
            min = b == 0xe0 ? 0xa0 : 0x80;
            max = b == 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            n = 4;
            min = b == 0xf0 ? 0x90 : 0x80;
            max = b == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + n > end) {
            return 0;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int c = bytes[i + k] & 0xff;
            if (c < 0x80 || c > 0xbf) {
                return 0;
            }
        }
        return n;
    }
}
