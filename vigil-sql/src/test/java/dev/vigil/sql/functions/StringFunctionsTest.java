package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.sql.spi.SqlFunction;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {

    private static Object call(SqlFunction function, Object... args) {
        return function.apply(args);
    }

    private final SqlFunction split = new StringFunctions.Split();
    private final SqlFunction concat = new StringFunctions.Concat();
    private final SqlFunction concatWs = new StringFunctions.ConcatWs();

    @Test
    void splitExamplesFromOsquery() {
        assertThat(call(split, "192.168.0.1", ".", 1L)).isEqualTo("168");
        // Every character of TOKENS splits, and the empty pieces around "0" are dropped.
        assertThat(call(split, "192.168.0.1", ".0", 0L)).isEqualTo("192");
        assertThat(call(split, "192.168.0.1", ".0", 2L)).isEqualTo("1");
        // Integer arguments are read as text: split(uid, 1, 0).
        assertThat(call(split, 500L, 1L, 0L)).isEqualTo("500");
        assertThat(call(split, 1001L, 1L, 0L)).isEqualTo("00");
    }

    @Test
    void splitTrimsPiecesAfterDroppingEmptyOnes() {
        assertThat(call(split, " a , b ", ",", 0L)).isEqualTo("a");
        assertThat(call(split, " a , b ", ",", 1L)).isEqualTo("b");
        assertThat(call(split, "a, ,b", ",", 1L)).isEqualTo("");
        assertThat(call(split, "a, ,b", ",", 2L)).isEqualTo("b");
        assertThat(call(split, ",,a,,", ",", 0L)).isEqualTo("a");
    }

    @Test
    void splitGivesNullOutOfRangeOrForNullArguments() {
        assertThat(call(split, "a,b", ",", 2L)).isNull();
        assertThat(call(split, "a,b", ",", -1L)).isNull();
        assertThat(call(split, "", ",", 0L)).isNull();
        assertThat(call(split, null, ",", 0L)).isNull();
        assertThat(call(split, "a", null, 0L)).isNull();
        assertThat(call(split, "a", ",", null)).isNull();
    }

    @Test
    void splitRefusesEmptyTokens() {
        assertThatThrownBy(() -> call(split, "a,b", "", 0L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid input to split function");
    }

    @Test
    void concatSkipsNulls() {
        assertThat(call(concat, "hello", null, " ", "world")).isEqualTo("hello world");
        assertThat(call(concat, "n=", 42L, ", x=", 1.5)).isEqualTo("n=42, x=1.5");
        assertThat(call(concat, null, null)).isEqualTo("");
        assertThat(call(concat)).isNull();
    }

    @Test
    void concatWsJoinsWithTheSeparator() {
        assertThat(call(concatWs, " ", "hello", null, "world")).isEqualTo("hello world");
        assertThat(call(concatWs, ", ", "a", "b", "c")).isEqualTo("a, b, c");
        assertThat(call(concatWs, null, "a", "b")).isEqualTo("ab");
        assertThat(call(concatWs, "-", null, "a")).isEqualTo("a");
        assertThat(call(concatWs, "-")).isNull();
    }

    @Test
    void concatWsLeavesTheSeparatorBeforeATrailingNullAsOsqueryDoes() {
        assertThat(call(concatWs, "-", "a", null)).isEqualTo("a-");
    }

    @Test
    void concatWsNeedsASeparator() {
        assertThatThrownBy(() -> call(concatWs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing separator to concat_ws");
    }
}
