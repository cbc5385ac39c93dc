package dev.vigil.sql.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void escapesAsRapidjsonDoes() {
        assertThat(Json.string("a\"b\\c/d\b\f\n\r\t\u0001\u007f é")).isEqualTo(
                "\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\\u0001\u007f é\"");
        assertThat(Json.string(null)).isEqualTo("null");
    }

    @Test
    void rawBytesStayRawBytes() {
        String raw = RawText.decode(new byte[]{'x', (byte) 0xff});
        assertThat(RawText.encode(Json.string(raw))).isEqualTo(new byte[]{'"', 'x', (byte) 0xff, '"'});
    }

    @Test
    void arraysAndObjects() {
        assertThat(Json.array(List.of("a", "b\n"))).isEqualTo("[\"a\",\"b\\n\"]");
        assertThat(Json.object().field("s", "v").raw("n", "7").field("z", null).build())
                .isEqualTo("{\"s\":\"v\",\"n\":7,\"z\":null}");
        assertThat(Json.object().build()).isEqualTo("{}");
    }
}
