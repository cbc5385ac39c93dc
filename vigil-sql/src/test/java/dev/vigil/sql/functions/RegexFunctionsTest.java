package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.sql.spi.SqlFunction;
import org.junit.jupiter.api.Test;

class RegexFunctionsTest {

    private static Object call(SqlFunction function, Object... args) {
        return function.apply(args);
    }

    private final SqlFunction match = new RegexFunctions.RegexMatch();
    private final SqlFunction split = new RegexFunctions.RegexSplit();

    @Test
    void matchReturnsTheWholeMatchAndItsGroups() {
        // osquery's documented example.
        assertThat(call(match, "hello world. Goodbye", "(\\w+) \\w+", 0L)).isEqualTo("hello world");
        assertThat(call(match, "hello world. Goodbye", "(\\w+) \\w+", 1L)).isEqualTo("hello");
        assertThat(call(match, "user=alice uid=1000", "uid=(\\d+)", 1L)).isEqualTo("1000");
        assertThat(call(match, "v5.10.2", "(\\d+)\\.(\\d+)\\.(\\d+)", 2L)).isEqualTo("10");
    }

    @Test
    void matchIsASearchNotAnAnchoredMatch() {
        assertThat(call(match, "xxabcxx", "b", 0L)).isEqualTo("b");
        assertThat(call(match, "abc", "^b", 0L)).isNull();
    }

    @Test
    void aGroupThatDidNotParticipateIsEmpty() {
        assertThat(call(match, "ac", "a(b)?c", 1L)).isEqualTo("");
    }

    @Test
    void matchGivesNullWithoutMatchOrOutOfRange() {
        assertThat(call(match, "abc", "z", 0L)).isNull();
        assertThat(call(match, "abc", "(b)", 2L)).isNull();
        assertThat(call(match, "abc", "(b)", -1L)).isNull();
        assertThat(call(match, null, "a", 0L)).isNull();
        assertThat(call(match, "a", null, 0L)).isNull();
        assertThat(call(match, "a", "a", null)).isNull();
    }

    @Test
    void matchReadsNumbersAsText() {
        assertThat(call(match, 12345L, "3(4)", 1L)).isEqualTo("4");
    }

    @Test
    void invalidOrHugePatternsAreErrors() {
        assertThatThrownBy(() -> call(match, "a", "(", 0L)).hasMessage("Invalid regex");
        assertThatThrownBy(() -> call(match, "a", "a".repeat(257), 0L))
                .hasMessage("Invalid regex: too big, max size is 256 bytes");
        assertThat(call(match, "a".repeat(256), "a".repeat(256), 0L)).isEqualTo("a".repeat(256));
        assertThatThrownBy(() -> call(split, "a", "[", 0L)).hasMessage("Invalid regex");
        assertThatThrownBy(() -> call(split, "a", "a".repeat(257), 0L)).hasMessage("Invalid regex");
        assertThatThrownBy(() -> call(split, "a", "", 0L)).hasMessage("Invalid input to split function");
    }

    @Test
    void splitExamplesFromOsquery() {
        assertThat(call(split, "192.168.0.1", "\\.", 1L)).isEqualTo("168");
        assertThat(call(split, "192.168.0.1", "\\.0", 0L)).isEqualTo("192.168");
        assertThat(call(split, "192.168.0.1", "\\.0", 1L)).isEqualTo(".1");
        assertThat(call(split, 500L, "[1-5]", 0L)).isEqualTo("");
        assertThat(call(split, 500L, "[1-5]", 1L)).isEqualTo("00");
    }

    @Test
    void splitKeepsLeadingAndInnerEmptyPiecesButNotATrailingOne() {
        assertThat(RegexFunctions.RegexSplit.split(",a,,b,", java.util.regex.Pattern.compile(",")))
                .containsExactly("", "a", "", "b");
        assertThat(RegexFunctions.RegexSplit.split("abc", java.util.regex.Pattern.compile(",")))
                .containsExactly("abc");
        assertThat(RegexFunctions.RegexSplit.split("", java.util.regex.Pattern.compile(",")))
                .containsExactly("");
        assertThat(RegexFunctions.RegexSplit.split("a1b22c", java.util.regex.Pattern.compile("\\d+")))
                .containsExactly("a", "b", "c");
    }

    @Test
    void splitGivesNullOutOfRangeOrForNullArguments() {
        assertThat(call(split, "a,b", ",", 2L)).isNull();
        assertThat(call(split, "a,b", ",", -1L)).isNull();
        assertThat(call(split, null, ",", 0L)).isNull();
        assertThat(call(split, "a", null, 0L)).isNull();
        assertThat(call(split, "a", ",", null)).isNull();
    }
}
