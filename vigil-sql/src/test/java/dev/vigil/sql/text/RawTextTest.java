package dev.vigil.sql.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RawTextTest {

    @Test
    void everyByteArrayComesBackAsItWas() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(24)];
            random.nextBytes(bytes);
            if (round % 3 == 0) { // mix in valid multi-byte characters
                bytes = (new String(bytes, StandardCharsets.ISO_8859_1) + "é✓😀").getBytes(StandardCharsets.ISO_8859_1);
                bytes = concat(bytes, "é✓😀".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(RawText.encode(RawText.decode(bytes))).as("round %d", round).isEqualTo(bytes);
        }
    }

    @Test
    void validUtf8IsOrdinaryTextAndOtherBytesAreEscaped() {
        assertThat(RawText.decode("héllo ✓ 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("héllo ✓ 😀");
        String raw = RawText.decode(new byte[]{'a', (byte) 0xff, (byte) 0xfe, 'b'});
        assertThat(raw).isEqualTo("a\uDCFF\uDCFEb");
        assertThat(RawText.hasRawBytes(raw)).isTrue();
        assertThat(RawText.hasRawBytes("héllo 😀")).isFalse();
        // overlong forms, encoded surrogates and truncated sequences are not UTF-8
        assertThat(RawText.decode(new byte[]{(byte) 0xc0, (byte) 0xaf})).isEqualTo("\uDCC0\uDCAF");
        assertThat(RawText.decode(new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isEqualTo("\uDCED\uDCA0\uDC80");
        assertThat(RawText.decode(new byte[]{'x', (byte) 0xe2, (byte) 0x9c})).isEqualTo("x\uDCE2\uDC9C");
    }

    @Test
    void javaTextEncodesAsUtf8AndStrayHighSurrogatesAsQuestionMarks() {
        assertThat(RawText.encode("ascii")).isEqualTo("ascii".getBytes(StandardCharsets.US_ASCII));
        assertThat(RawText.encode("✓😀")).isEqualTo("✓😀".getBytes(StandardCharsets.UTF_8));
        assertThat(RawText.encode("a\uD800b")).isEqualTo(new byte[]{'a', '?', 'b'});
        assertThat(RawText.encode("\uDCFF")).isEqualTo(new byte[]{(byte) 0xff});
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
