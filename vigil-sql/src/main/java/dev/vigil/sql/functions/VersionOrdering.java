package dev.vigil.sql.functions;

/**
 * osquery's version string order (osquery/sql/sqlite_version.cpp: version_compare and the VERSION, VERSION_ARCH,
 * VERSION_DPKG and VERSION_RHEL collations). Pure and thread-safe.
 *
 * <p>The strings are compared byte by byte and cut into segments at the delimiters {@code ~ - ^ . :}. Within a
 * segment the first differing byte decides, once both segments end; a segment that ends first (at a delimiter) is
 * the smaller, so {@code 5.2.1 < 5.10.0} and {@code 20.10a > 20.102}. When one string is a prefix of the other
 * (byte for byte, differences in the last segment aside) the longer one is greater, except as the flavor says:
 * <ul>
 *   <li>epoch (ARCH, DPKG, RHEL): a version with an epoch ({@code N:}) sorts after one without; two epochs compare
 *       first by their length;
 *   <li>delimiter precedence (DPKG, RHEL): different delimiters order {@code ~ < - < ^ < . < :};
 *   <li>remainder (ARCH, RHEL): a longer remainder starting with {@code ~} sorts first, with {@code ^} last, and with
 *       {@code -} the two are equal ({@code 1.0~rc1 < 1.0 < 1.0^1}, {@code 4:2 = 4:2-1}); otherwise a difference in
 *       the last common segment decides before the length does (ARCH only when that segment ended in a letter);
 *   <li>without remainder rules, a difference in the last common segment decides only if the longer string goes on
 *       with a delimiter.
 * </ul>
 */
enum VersionOrdering {
    GENERIC(false, false, false, false),
    ARCH(true, false, true, true),
    DPKG(true, true, false, false),
    RHEL(true, true, true, false);

    private final boolean epoch;
    private final boolean delimiterPrecedence;
    private final boolean compareRemainder;
    private final boolean remainderPrecedence;

    VersionOrdering(boolean epoch, boolean delimiterPrecedence, boolean compareRemainder,
            boolean remainderPrecedence) {
        this.epoch = epoch;
        this.delimiterPrecedence = delimiterPrecedence;
        this.compareRemainder = compareRemainder;
        this.remainderPrecedence = remainderPrecedence;
    }

    /**
     * Negative, zero or positive as left sorts before, with or after right. Bytes compare as C's signed char on
     * x86-64, so non-ASCII bytes sort before ASCII ones.
     */
    int compare(byte[] left, byte[] right) {
        if (left.length == 0 || right.length == 0) {
            return Integer.compare(left.length, right.length);
        }
        if (java.util.Arrays.equals(left, right)) {
            return 0;
        }
        if (epoch) {
            int epochOrder = compareEpochs(left, right);
            if (epochOrder != 0) {
                return epochOrder;
            }
        }
        int firstDifference = 0;
        int common = Math.min(left.length, right.length);
        for (int i = 0; i < common; i++) {
            int leftDelimiter = precedence(left[i]);
            int rightDelimiter = precedence(right[i]);
            if (leftDelimiter == 0 && rightDelimiter == 0) {
                if (firstDifference == 0) {
                    firstDifference = left[i] - right[i];
                }
                continue;
            }
            if (leftDelimiter == 0) {
                return 1;
            }
            if (rightDelimiter == 0) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
            if (delimiterPrecedence && leftDelimiter != rightDelimiter) {
                return leftDelimiter - rightDelimiter;
            }
        }
        if (left.length == right.length) {
            return firstDifference;
        }
        return compareRemainders(left, right, common, firstDifference);
    }

    /** Only the epochs' lengths (the position of the first ':') matter here; their digits compare later. */
    private static int compareEpochs(byte[] left, byte[] right) {
        int l = indexOfColon(left);
        int r = indexOfColon(right);
        if (l >= 0 && r >= 0) {
            return l - r;
        }
        return l >= 0 ? 1 : (r >= 0 ? -1 : 0);
    }

    private static int indexOfColon(byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /** One string is exhausted at position; the other goes on. difference is the last segment's first difference. */
    private int compareRemainders(byte[] left, byte[] right, int position, int difference) {
        boolean leftEnded = left.length == position;
        byte[] shorter = leftEnded ? left : right;
        byte next = leftEnded ? right[position] : left[position];
        int sign = leftEnded ? 1 : -1; // how a remainder that makes the longer string smaller reads for left
        if (compareRemainder) {
            switch (next) {
                case '~': return sign;
                case '-': return 0;
                case '^': return -sign;
                default:
                    if (difference != 0 && (!remainderPrecedence || !isDigit(shorter[position - 1]))) {
                        return difference;
                    }
            }
        } else if (difference != 0 && precedence(next) > 0) {
            return difference;
        }
        return left.length - right.length;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** A delimiter's precedence, 1 to 5; 0 for any other byte. */
    private static int precedence(byte c) {
        return switch (c) {
            case '~' -> 1;
            case '-' -> 2;
            case '^' -> 3;
            case '.' -> 4;
            case ':' -> 5;
            default -> 0;
        };
    }
}
