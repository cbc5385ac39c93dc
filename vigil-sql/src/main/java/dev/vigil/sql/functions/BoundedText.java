package dev.vigil.sql.functions;

import dev.vigil.sql.spi.Cancellation;

/**
 * The input of a regular expression, counting the characters the matcher reads: java.util.regex backtracks, so a
 * pattern such as {@code (.*a){12}b} on forty a's reads billions of characters and would run for hours with no way
 * to stop it. Past {@link #STEPS} reads the match fails with a clear error, and every 4,096 reads it checks whether
 * its statement was stopped (Ctrl-C, a timeout). Not thread-safe: one per match.
 */
final class BoundedText implements CharSequence {
    /** About a second of backtracking on this machine; no sane pattern on text of osquery's sizes comes near it. */
    static final long STEPS = 100_000_000L;

    private final String text;
    private long steps;

    BoundedText(String text) {
        this.text = text;
    }

    @Override
    public char charAt(int index) {
        if ((++steps & 0xfff) == 0) {
            Cancellation.checkCurrent();
            if (steps > STEPS) {
                throw new IllegalArgumentException("the regular expression needed more than " + STEPS
                        + " steps on this input (catastrophic backtracking): simplify the pattern");
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
