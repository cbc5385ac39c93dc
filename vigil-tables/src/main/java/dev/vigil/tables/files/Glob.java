package dev.vigil.tables.files;

/**
 * One component of a glob(3) pattern matched against one file name, byte by byte as fnmatch(3) does in the C locale
 * (osquery does not set one): {@code *} any bytes, {@code ?} one byte, {@code [...]} a set ({@code !} or {@code ^}
 * first negates; {@code a-z} a range; a {@code ]} first is literal; an unclosed {@code [} is literal), and a
 * backslash makes the next byte literal. The leading-dot rule is the caller's. Stateless and thread-safe.
 */
final class Glob {
    private Glob() {
    }

    /** True if the component has an unescaped wildcard. */
    static boolean hasMeta(byte[] component) {
        for (int i = 0; i < component.length; i++) {
            byte b = component[i];
            if (b == '\\') {
                i++;
            } else if (b == '*' || b == '?' || b == '[') {
                return true;
            }
        }
        return false;
    }

    /** The component with its escaping backslashes removed: the literal name it stands for. */
    static byte[] unescape(byte[] component) {
        byte[] out = new byte[component.length];
        int n = 0;
        for (int i = 0; i < component.length; i++) {
            if (component[i] == '\\' && i + 1 < component.length) {
                i++;
            }
            out[n++] = component[i];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** True if the whole name matches the pattern component. */
    static boolean matches(byte[] pattern, byte[] name) {
        int p = 0;
        int n = 0;
        int starP = -1;
        int starN = -1;
        while (n < name.length) {
            if (p < pattern.length && pattern[p] == '*') {
                starP = p++;
                starN = n;
                continue;
            }
            if (p < pattern.length) {
                int consumed = single(pattern, p, name[n]);
                if (consumed > 0) {
                    p += consumed;
                    n++;
                    continue;
                }
            }
            if (starP >= 0) { // backtrack: the last * takes one byte more
                p = starP + 1;
                n = ++starN;
                continue;
            }
            return false;
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    /**
     * Matches one byte of the name against the pattern element at p (not a star): the pattern bytes the element
     * took, or 0 if it does not match.
     */
    private static int single(byte[] pattern, int p, byte c) {
        byte b = pattern[p];
        if (b == '?') {
            return 1;
        }
        if (b == '[') {
            int end = setEnd(pattern, p);
            if (end > 0) {
                return inSet(pattern, p + 1, end, c) ? end - p + 1 : 0;
            }
            return c == '[' ? 1 : 0; // an unclosed [ is literal
        }
        if (b == '\\' && p + 1 < pattern.length) {
            return pattern[p + 1] == c ? 2 : 0;
        }
        return b == c ? 1 : 0;
    }

    /** The index of the ] closing the set opened at p, or -1. */
    private static int setEnd(byte[] pattern, int p) {
        int i = p + 1;
        if (i < pattern.length && (pattern[i] == '!' || pattern[i] == '^')) {
            i++;
        }
        if (i < pattern.length && pattern[i] == ']') {
            i++; // a ] first in the set is literal
        }
        for (; i < pattern.length; i++) {
            if (pattern[i] == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean inSet(byte[] pattern, int from, int end, byte c) {
        boolean negate = pattern[from] == '!' || pattern[from] == '^';
        int i = negate ? from + 1 : from;
        int value = c & 0xff;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            int lo = pattern[i] & 0xff;
            if (lo == '\\' && i + 1 < end) {
                lo = pattern[++i] & 0xff;
            } else if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && pattern[i + 1] == '-') {
                int hi = pattern[i + 2] & 0xff;
                if (value >= lo && value <= hi) {
                    found = true;
                }
                i += 3;
            } else {
                if (value == lo) {
                    found = true;
                }
                i++;
            }
        }
        return found != negate;
    }
}
