package dev.vigil.sensors;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TextCacheTest {
    private final TextCache cache = new TextCache();

    @Test
    void aRepeatedTextIsTheSameStringAndAFormatterRunsOncePerValue() {
        byte[] a = "xxlocalhostyy".getBytes(StandardCharsets.UTF_8);
        byte[] b = "localhost".getBytes(StandardCharsets.UTF_8);
        String first = cache.text(a, 2, 9);
        assertThat(first).isEqualTo("localhost");
        assertThat(cache.text(b, 0, 9)).isSameAs(first);
        AtomicInteger calls = new AtomicInteger();
        byte[] ip = {127, 0, 0, 1};
        TextCache.Formatter dotted = bytes -> {
            calls.incrementAndGet();
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        };
        assertThat(cache.formatted(ip, 0, 4, 2, dotted)).isEqualTo("127.0.0.1");
        assertThat(cache.formatted(ip.clone(), 0, 4, 2, dotted)).isEqualTo("127.0.0.1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void theSameBytesUnderAnotherFormatterOrAsTextNeverCollide() {
        // a host whose bytes are an address followed by the address formatter's kind must not poison that entry
        byte[] crafted = {127, 0, 0, 1, 2};
        assertThat(cache.text(crafted, 0, 5)).hasSize(5);
        assertThat(cache.formatted(crafted, 0, 4, 2, bytes -> "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(cache.formatted(crafted, 0, 4, 3, bytes -> "other")).isEqualTo("other");
        assertThat(cache.text(crafted, 0, 4)).isEqualTo(new String(crafted, 0, 4, StandardCharsets.UTF_8));
        assertThat(cache.formatted(crafted, 0, 4, 2, bytes -> "not asked")).isEqualTo("127.0.0.1");
    }

    @Test
    void manyDistinctValuesAreAllRight() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2000; i++) {
                byte[] bytes = ("host-" + i).getBytes(StandardCharsets.UTF_8);
                assertThat(cache.text(bytes, 0, bytes.length)).isEqualTo("host-" + i);
            }
        }
    }
}
