package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.sql.spi.SqlFunction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {

    private final SqlFunction toBase64 = new EncodingFunctions.ToBase64();
    private final SqlFunction fromBase64 = new EncodingFunctions.FromBase64();
    private final SqlFunction conditional = new EncodingFunctions.ConditionalToBase64();

    private static Object call(SqlFunction function, Object arg) {
        return function.apply(new Object[] {arg});
    }

    @Test
    void encodesAndDecodesOsquerysExample() {
        assertThat(call(toBase64, "CPU0")).isEqualTo("Q1BVMA==");
        assertThat(call(fromBase64, "Q1BVMA==")).isEqualTo("CPU0");
    }

    @Test
    void roundTrips() {
        for (String text : new String[] {"", "a", "ab", "abc", "abcd", "café ☕", "line\nbreak", "x".repeat(1000)}) {
            assertThat(call(fromBase64, call(toBase64, text))).as(text).isEqualTo(text);
        }
        byte[] binary = {0, 1, 2, (byte) 0xfe, (byte) 0xff, (byte) 0x80};
        assertThat(call(toBase64, binary)).isEqualTo("AAEC/v+A");
        assertThat(call(fromBase64, "AAEC/v+A")).isEqualTo(binary); // not UTF-8, so a BLOB
    }

    @Test
    void encodesTheWholeTextOfAnyValue() {
        assertThat(call(toBase64, 42L)).isEqualTo("NDI=");
        assertThat(call(toBase64, "a\0b")).isEqualTo("YQBi");
        assertThat(call(toBase64, "")).isEqualTo("");
    }

    @Test
    void decodingIsLenientAboutPaddingAndLineBreaks() {
        assertThat(call(fromBase64, "Q1BVMA")).isEqualTo("CPU0");
        assertThat(call(fromBase64, "Q1BVMA=")).isEqualTo("CPU0");
        assertThat(call(fromBase64, "Q1BV\nMA==")).isEqualTo("CPU0");
        assertThat(call(fromBase64, "Q1BV\r\nMA==\n")).isEqualTo("CPU0");
        assertThat(call(fromBase64, "YQ==".getBytes(StandardCharsets.US_ASCII))).isEqualTo("a");
        assertThat(call(fromBase64, "")).isEqualTo("");
        assertThat(call(fromBase64, "====")).isEqualTo("");
    }

    @Test
    void invalidBase64DecodesToTheEmptyString() {
        assertThat(call(fromBase64, "not base64!")).isEqualTo("");
        assertThat(call(fromBase64, "Q1BV MA==")).isEqualTo("");
        assertThat(call(fromBase64, "Q1BV\rMA==")).isEqualTo("");
        assertThat(call(fromBase64, "Q1BVM")).isEqualTo("");
        assertThat(call(fromBase64, "Q1-_")).isEqualTo("");
    }

    @Test
    void conditionalEncodingKeepsPrintableAscii() {
        assertThat(call(conditional, "CPU0")).isEqualTo("CPU0");
        assertThat(call(conditional, "")).isEqualTo("");
        assertThat(call(conditional, "~ !")).isEqualTo("~ !");
        assertThat(call(conditional, "CPU0·")).isEqualTo("Q1BVMMK3");
        assertThat(call(conditional, "tab\there")).isEqualTo("dGFiCWhlcmU=");
        assertThat(call(conditional, "del\u007f")).isEqualTo("ZGVsfw==");
        assertThat(call(conditional, 7L)).isEqualTo("7");
    }

    @Test
    void nullGivesNull() {
        assertThat(call(toBase64, null)).isNull();
        assertThat(call(fromBase64, null)).isNull();
        assertThat(call(conditional, null)).isNull();
    }
}
