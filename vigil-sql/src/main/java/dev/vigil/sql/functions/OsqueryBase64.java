package dev.vigil.sql.functions;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Base64 (RFC 4648 standard alphabet) as osquery's osquery/utils/base64.cpp does it with boost's dataflow
 * iterators. Encoding is the usual padded form. Decoding is lenient in osquery's ways and returns an empty result
 * instead of failing: line feeds (and CR LF pairs) are removed, trailing '=' are ignored, an '=' inside counts as
 * zero bits, and any other character outside the alphabet, or a length of 4n+1 characters, makes the whole result
 * empty. Pure and thread-safe.
 */
final class OsqueryBase64 {

    private OsqueryBase64() {}

    static String encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    static byte[] decode(byte[] encoded) {
        String text = new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\r\n", "")
                .replace("\n", "")
                .replaceFirst("=+\\z", "");
        if (text.length() % 4 == 1) {
            return new byte[0]; // the last byte would need bits past the end of the input
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = sextet(text.charAt(i));
            if (value < 0) {
                return new byte[0];
            }
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return out.toByteArray();
    }

    /** boost's binary_from_base64 table: the alphabet, '=' as 0, anything else invalid (-1). */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return switch (c) {
            case '+' -> 62;
            case '/' -> 63;
            case '=' -> 0;
            default -> -1;
        };
    }

    /** osquery's isPrintable: every byte is printable ASCII, 0x20 to 0x7e. */
    static boolean isPrintable(byte[] data) {
        for (byte b : data) {
            if (b < 0x20 || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
