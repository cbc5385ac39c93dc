package dev.vigil.sql.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SQLite's conversions of a function argument, as osquery's C++ functions see them. Arguments are the SPI's Java
 * values: {@link Long} (INTEGER), {@link Double} (REAL), {@link String} (TEXT), {@code byte[]} (BLOB) or null.
 *
 * <p>References: sqlite3_value_text / sqlite3_value_double / sqlite3_value_int in https://sqlite.org/c3ref/value_blob.html
 * and "Type Conversions Prior To Function Evaluation" there. All methods are pure and thread-safe.
 */
final class SqliteValues {

    private SqliteValues() {}

    /**
     * The bytes of {@code sqlite3_value_text} with the length of {@code sqlite3_value_bytes}: TEXT as UTF-8, a BLOB
     * unchanged, an INTEGER in decimal, a REAL as SQLite prints it. Null for NULL.
     */
    static byte[] textBytes(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s.getBytes(StandardCharsets.UTF_8);
            case byte[] b -> b;
            case Long l -> Long.toString(l).getBytes(StandardCharsets.US_ASCII);
            case Double d -> realText(d).getBytes(StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException("unsupported SQL value type " + value.getClass().getName());
        };
    }

    /**
     * {@link #textBytes} cut at the first NUL byte: what C code sees when it takes the text as a NUL-terminated
     * string ({@code strlen}, {@code std::string(const char*)}). Null for NULL.
     */
    static byte[] cString(Object value) {
        byte[] bytes = textBytes(value);
        if (bytes == null) {
            return null;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    /** {@link #cString} decoded as UTF-8 (invalid sequences become U+FFFD). Null for NULL. */
    static String cText(Object value) {
        byte[] bytes = cString(value);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A TEXT result made of arbitrary bytes: a String when they are valid UTF-8, otherwise the bytes themselves
     * (a BLOB, since a Java String cannot carry invalid UTF-8).
     */
    static Object textResult(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return bytes;
        }
    }

    /** A REAL result: SQLite stores NaN as NULL (sqlite3_result_double). */
    static Double realResult(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /**
     * {@code sqlite3_value_double}: an INTEGER widened, TEXT and BLOB by the longest leading decimal number (after
     * leading white space), 0.0 when there is none. NULL is 0.0 (callers check for NULL first).
     */
    static double toReal(Object value) {
        return switch (value) {
            case null -> 0.0;
            case Long l -> l.doubleValue();
            case Double d -> d;
            default -> parseRealPrefix(textBytes(value));
        };
    }

    /**
     * {@code sqlite3_value_int}: the 64-bit integer value (a REAL truncated toward zero and clamped, TEXT by its
     * leading integer digits) cut to its low 32 bits, as the C cast to int does.
     */
    static int toInt(Object value) {
        return (int) toLong(value);
    }

    /** {@code sqlite3_value_int64}. */
    static long toLong(Object value) {
        return switch (value) {
            case null -> 0L;
            case Long l -> l;
            case Double d -> realToLong(d);
            default -> parseIntegerPrefix(textBytes(value));
        };
    }

    private static long realToLong(double d) {
        if (d <= Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        if (d >= Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return (long) d;
    }

    /** SQLite's sqlite3Isspace: space and \t \n \v \f \r. */
    static boolean isSpace(int b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d);
    }

    private static boolean isDigit(byte[] s, int i) {
        return i < s.length && s[i] >= '0' && s[i] <= '9';
    }

    private static long parseIntegerPrefix(byte[] s) {
        int i = 0;
        while (i < s.length && isSpace(s[i])) {
            i++;
        }
        boolean negative = false;
        if (i < s.length && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        long value = 0;
        for (; isDigit(s, i); i++) {
            int digit = s[i] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static double parseRealPrefix(byte[] s) {
        int i = 0;
        while (i < s.length && isSpace(s[i])) {
            i++;
        }
        int start = i;
        if (i < s.length && (s[i] == '-' || s[i] == '+')) {
            i++;
        }
        int digits = 0;
        for (; isDigit(s, i); i++) {
            digits++;
        }
        if (i < s.length && s[i] == '.') {
            i++;
            for (; isDigit(s, i); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return 0.0;
        }
        int end = i;
        if (i < s.length && (s[i] == 'e' || s[i] == 'E')) {
            int j = i + 1;
            if (j < s.length && (s[j] == '-' || s[j] == '+')) {
                j++;
            }
            if (isDigit(s, j)) {
                while (isDigit(s, j)) {
                    j++;
                }
                end = j;
            }
        }
        return Double.parseDouble(new String(s, start, end - start, StandardCharsets.US_ASCII));
    }

    /**
     * A REAL as SQLite renders it as text ({@code printf("%!.15g")}): 15 significant digits, exponent form below
     * 1e-4 and from 1e15, always a fractional part ({@code 1.0}, {@code 1.0e+20}), {@code Inf} / {@code -Inf}.
     */
    static String realText(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (d == 0.0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(15, RoundingMode.HALF_UP));
        String sign = rounded.signum() < 0 ? "-" : "";
        String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            String fraction = digits.length() > 1 ? digits.substring(1) : "0";
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + digits.charAt(0) + "." + fraction + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
}
