package dev.vigil.sensors.dns;

import dev.vigil.sensors.BtfLayout;
import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.WallClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Records captured from dns.bpf.c on a real kernel while getent(1) looked up {@code localhost} (three answers,
 * one per socket type, all 127.0.0.1) and {@code vigil-fixture.invalid}. Needs no privileges.
 */
class DnsRecordDecoderTest {
    private final DnsRecordDecoder decoder = new DnsRecordDecoder(new WallClock(0));

    @Test
    void successfulLookupHasDistinctAnswersAndLatency() throws Exception {
        DnsEvent e = decoder.decode(fixture("dns-localhost.bin"));
        assertThat(e.host()).isEqualTo("localhost");
        assertThat(e.service()).isEmpty();
        assertThat(e.returnCode()).isZero();
        assertThat(e.error()).isEmpty();
        assertThat(e.addresses()).containsExactly("127.0.0.1");
        assertThat(e.latencyNanos()).isEqualTo(4_182_055L);
        assertThat(e.comm()).isEqualTo("getent");
        assertThat(e.family()).isZero();
        assertThat(e.function()).isEqualTo("getaddrinfo");
    }

    @Test
    void failedLookupHasItsEaiCodeAndNoAnswersDespiteStaleBytes() throws Exception {
        DnsEvent e = decoder.decode(fixture("dns-invalid.bin"));
        assertThat(e.host()).isEqualTo("vigil-fixture.invalid");
        assertThat(e.returnCode()).isEqualTo(-2);
        assertThat(e.error()).isEqualTo("EAI_NONAME");
        assertThat(e.addresses()).isEmpty();
    }

    @Test
    void malformedRecordsAreRejected() throws Exception {
        byte[] good = fixture("dns-localhost.bin");
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(good, 500))).isInstanceOf(MalformedRecordException.class);
        byte[] tooMany = good.clone();
        tooMany[DnsRecordDecoder.ADDR_COUNT] = 17;
        assertThatThrownBy(() -> decoder.decode(tooMany)).hasMessageContaining("17 addresses");
        byte[] unknownFunction = good.clone();
        unknownFunction[DnsRecordDecoder.FUNCTION] = 9;
        assertThatThrownBy(() -> decoder.decode(unknownFunction)).hasMessageContaining("unknown DNS function 9");
        byte[] hostWithoutNul = good.clone();
        Arrays.fill(hostWithoutNul, DnsRecordDecoder.HOST, DnsRecordDecoder.HOST + DnsRecordDecoder.HOST_MAX, (byte) 'x');
        assertThat(decoder.decode(hostWithoutNul).host()).hasSize(DnsRecordDecoder.HOST_MAX);
    }

    @Test
    void recordsCarryOnlyTheAnswerSlotsInUse() throws Exception {
        byte[] full = fixture("dns-localhost.bin");
        int count = full[DnsRecordDecoder.ADDR_COUNT];
        byte[] compact = Arrays.copyOf(full, DnsRecordDecoder.ADDRS + count * DnsRecordDecoder.ADDR_SIZE);
        java.nio.ByteBuffer.wrap(compact).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, compact.length);
        assertThat(decoder.decode(compact)).isEqualTo(decoder.decode(full));
        byte[] cut = Arrays.copyOf(compact, compact.length - 1);
        java.nio.ByteBuffer.wrap(cut).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, cut.length);
        assertThatThrownBy(() -> decoder.decode(cut)).hasMessageContaining("cannot hold " + count + " addresses");
        assertThatThrownBy(() -> decoder.decode(new byte[3])).hasMessageContaining("not a DNS record: 3 bytes");
    }

    @Test
    void eaiNames() {
        assertThat(AddrinfoErrors.name(-3)).isEqualTo("EAI_AGAIN");
        assertThat(AddrinfoErrors.name(-999)).isEqualTo("EAI_-999");
    }

    @Test
    void decoderOffsetsMatchTheCompiledStruct() throws Exception {
        Path object = Path.of("target/classes/bpf/dns.bpf.o");
        assumeTrue(Files.exists(object), "dns.bpf.o not built");
        Map<String, Integer> m = BtfLayout.members(object, "dns_record");
        assertThat(m).containsEntry("uid", DnsRecordDecoder.UID).containsEntry("gid", DnsRecordDecoder.GID)
                .containsEntry("ret", DnsRecordDecoder.RET).containsEntry("hint_family", DnsRecordDecoder.HINT_FAMILY)
                .containsEntry("latency_ns", DnsRecordDecoder.LATENCY).containsEntry("addr_count", DnsRecordDecoder.ADDR_COUNT)
                .containsEntry("function", DnsRecordDecoder.FUNCTION)
                .containsEntry("comm", DnsRecordDecoder.COMM).containsEntry("host", DnsRecordDecoder.HOST)
                .containsEntry("service", DnsRecordDecoder.SERVICE).containsEntry("addrs", DnsRecordDecoder.ADDRS);
        assertThat(BtfLayout.members(object, "dns_address")).containsEntry("family", 0).containsEntry("addr", 4);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = DnsRecordDecoderTest.class.getResourceAsStream("/records/" + name)) {
            return in.readAllBytes();
        }
    }
}
