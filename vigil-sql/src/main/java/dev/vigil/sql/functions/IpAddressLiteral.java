package dev.vigil.sql.functions;

import java.util.Arrays;

/**
 * Strict IP address literals, parsed as glibc's inet_pton(3) parses them (which boost::asio's make_address, used by
 * osquery, calls): IPv4 only as four decimal octets without leading zeros; IPv6 with at most one {@code ::} that
 * stands for at least one zero group, and an optional dotted IPv4 tail. An IPv6 zone ({@code %eth0}) is accepted
 * and ignored, as boost accepts it. Never does DNS. Pure and thread-safe.
 */
final class IpAddressLiteral {

    private IpAddressLiteral() {}

    /** The 4 or 16 address bytes (network order) of an IPv6 or IPv4 literal, or null if it is neither. */
    static byte[] parse(String text) {
        byte[] v6 = parseV6WithZone(text);
        return v6 != null ? v6 : parseV4(text);
    }

    /** inet_pton(AF_INET): the 4 bytes, or null. */
    static byte[] parseV4(String text) {
        return parseV4(text, 0);
    }

    /** An IPv6 literal with an optional {@code %zone}, as boost's make_address_v6 reads it: 16 bytes, or null. */
    static byte[] parseV6WithZone(String text) {
        int percent = text.indexOf('%');
        return parseV6(percent < 0 ? text : text.substring(0, percent));
    }

    private static byte[] parseV4(String s, int from) {
        byte[] out = new byte[4];
        int octets = 0;
        int value = 0;
        boolean sawDigit = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (sawDigit && value == 0) {
                    return null; // a leading zero
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
                if (!sawDigit) {
                    if (++octets > 4) {
                        return null;
                    }
                    sawDigit = true;
                }
            } else if (c == '.' && sawDigit) {
                if (octets == 4) {
                    return null;
                }
                out[octets - 1] = (byte) value;
                value = 0;
                sawDigit = false;
            } else {
                return null;
            }
        }
        if (octets < 4 || !sawDigit) {
            return null;
        }
        out[3] = (byte) value;
        return out;
    }

    /** inet_pton(AF_INET6): the 16 bytes, or null. */
    static byte[] parseV6(String s) {
        byte[] out = new byte[16];
        int length = s.length();
        int i = 0;
        if (length > 0 && s.charAt(0) == ':') {
            if (length < 2 || s.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int tp = 0;
        int colon = -1;
        int groupStart = i;
        int value = 0;
        int hexDigits = 0;
        for (; i < length; i++) {
            char c = s.charAt(i);
            int digit = Character.digit(c, 16);
            if (digit >= 0 && c < 128) {
                value = (value << 4) | digit;
                if (++hexDigits > 4) {
                    return null;
                }
            } else if (c == ':') {
                groupStart = i + 1;
                if (hexDigits == 0) {
                    if (colon >= 0) {
                        return null;
                    }
                    colon = tp;
                    continue;
                }
                if (i + 1 == length || tp + 2 > 16) {
                    return null;
                }
                out[tp++] = (byte) (value >> 8);
                out[tp++] = (byte) value;
                value = 0;
                hexDigits = 0;
            } else if (c == '.' && tp + 4 <= 16) {
                byte[] v4 = parseV4(s, groupStart);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, tp, 4);
                tp += 4;
                hexDigits = 0;
                break;
            } else {
                return null;
            }
        }
        if (hexDigits > 0) {
            if (tp + 2 > 16) {
                return null;
            }
            out[tp++] = (byte) (value >> 8);
            out[tp++] = (byte) value;
        }
        if (colon >= 0) {
            if (tp == 16) {
                return null; // "::" would stand for no group at all
            }
            int moved = tp - colon;
            System.arraycopy(out, colon, out, 16 - moved, moved);
            Arrays.fill(out, colon, 16 - moved, (byte) 0);
            tp = 16;
        }
        return tp == 16 ? out : null;
    }
}
