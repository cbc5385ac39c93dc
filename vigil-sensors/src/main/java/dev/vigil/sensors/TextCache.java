package dev.vigil.sensors;

import dev.vigil.sql.text.RawText;

import java.util.Arrays;

/**
 * Strings decoded from record bytes, remembered in a small direct-mapped table: events repeat the same command
 * names, hosts and addresses again and again, and a hit costs a hash and a compare of a few bytes instead of a new
 * String (and the garbage a storm of them makes). A miss replaces the slot. Not thread-safe: one per decoder,
 * which runs on its sensor's reader thread.
 */
public final class TextCache {
    private static final int SLOTS = 256;
    private static final Formatter UTF_8 = RawText::decode;

    /** Each key is the bytes followed by one byte naming the formatter, so different formats never collide. */
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** The text of bytes[offset, offset + length): UTF-8, other bytes kept as {@link RawText} escapes. */
    public String text(byte[] bytes, int offset, int length) {
        return formatted(bytes, offset, length, 0, UTF_8);
    }

    /**
     * The text formatter makes of bytes[offset, offset + length), such as an address, made only on a miss. The
     * formatter's result must depend on those bytes alone; kind (1 to 127) names the formatter.
     */
    public String formatted(byte[] bytes, int offset, int length, int kind, Formatter formatter) {
        int h = length * 31 + kind;
        for (int i = offset; i < offset + length; i++) {
            h = h * 31 + bytes[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == length + 1 && key[length] == (byte) kind
                && Arrays.equals(key, 0, length, bytes, offset, offset + length)) {
            return values[slot];
        }
        byte[] stored = new byte[length + 1];
        System.arraycopy(bytes, offset, stored, 0, length);
        stored[length] = (byte) kind;
        String value = formatter.format(Arrays.copyOf(stored, length));
        keys[slot] = stored;
        values[slot] = value;
        return value;
    }

    /** Makes text of bytes. */
    @FunctionalInterface
    public interface Formatter {
        String format(byte[] bytes);
    }
}
