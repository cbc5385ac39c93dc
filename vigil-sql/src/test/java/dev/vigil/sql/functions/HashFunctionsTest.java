package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.sql.spi.SqlFunction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashFunctionsTest {

    private final SqlFunction md5 = new HashFunctions.Md5();
    private final SqlFunction sha1 = new HashFunctions.Sha1();
    private final SqlFunction sha256 = new HashFunctions.Sha256();

    private static Object call(SqlFunction function, Object arg) {
        return function.apply(new Object[] {arg});
    }

    @Test
    void knownDigestsInLowerCaseHex() {
        assertThat(call(md5, "abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(call(sha1, "abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(call(sha256, "abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(call(md5, "")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(call(sha1, "Guest")).isEqualTo("face83ee3014bdc8f98203cc94e2e89222452e90"); // osquery's docs
    }

    @Test
    void textIsHashedAsUtf8AndNumbersAsTheirText() {
        assertThat(call(sha1, "café")).isEqualTo("f424452a9673918c6f09b0cdd35b20be8e6ae7d7");
        assertThat(call(md5, 42L)).isEqualTo("a1d0c6e83f027327d8461063f4ac58a6");
        assertThat(call(sha256, 1.5))
                .isEqualTo("9f29a130438b81170b92a42650f9a94291ecad60bd47af2a3886e75f7f728725");
        assertThat(call(md5, "42".getBytes(StandardCharsets.US_ASCII))).isEqualTo(call(md5, "42"));
    }

    @Test
    void hashingStopsAtTheFirstNulAsOsquerysCStringDoes() {
        assertThat(call(sha256, "abc\0def")).isEqualTo(call(sha256, "abc"));
        assertThat(call(md5, new byte[] {'a', 'b', 'c', 0, 1})).isEqualTo(call(md5, "abc"));
    }

    @Test
    void nullGivesNull() {
        assertThat(call(md5, null)).isNull();
        assertThat(call(sha1, null)).isNull();
        assertThat(call(sha256, null)).isNull();
    }
}
