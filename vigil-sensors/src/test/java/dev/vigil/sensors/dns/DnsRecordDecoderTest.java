package dev.vigil.sensors.dns;

import dev.vigil.sensors.BtfLayout;
import dev.vigil.sensors.WallClock;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records captured from dns.bpf.c on a real kernel while getent(1) looked up {@code localhost} (three answers,
 * one per socket type, all 127.0.0.1; 142 bytes) and {@code vigil-fixture.invalid} (no answers; 94 bytes). Needs
 * no privileges.
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
        assertThat(e.latencyNanos()).isEqualTo(2_327_926L);
        assertThat(e.comm()).isEqualTo("getent");
        assertThat(e.family()).isZero();
        assertThat(e.function()).isEqualTo("getaddrinfo");
    }

    @Test
    void failedLookupHasItsEaiCodeAndNoAnswers() throws Exception {
        DnsEvent e = decoder.decode(fixture("dns-invalid.bin"));
        assertThat(e.host()).isEqualTo("vigil-fixture.invalid");
        assertThat(e.returnCode()).isEqualTo(-2);
        assertThat(e.error()).isEqualTo("EAI_NONAME");
        assertThat(e.addresses()).isEmpty();
    }

    @Test
    void malformedRecordsAreRejected() throws Exception {
        byte[] good = fixture("dns-localhost.bin");
        assertThat(good).hasSize(142);
        byte[] cut = withSize(Arrays.copyOf(good, good.length - 1));
        assertThatThrownBy(() -> decoder.decode(cut)).hasMessageContaining("does not hold exactly 3 addresses");
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(good, 100))).hasMessageContaining("header size 142");
        assertThatThrownBy(() -> decoder.decode(new byte[3])).hasMessageContaining("not a DNS record: 3 bytes");
        byte[] tooMany = good.clone();
        tooMany[DnsRecordDecoder.ADDR_COUNT] = 17;
        assertThatThrownBy(() -> decoder.decode(tooMany)).hasMessageContaining("17 addresses");
        byte[] longHost = good.clone();
        ByteBuffer.wrap(longHost).order(ByteOrder.LITTLE_ENDIAN).putShort(DnsRecordDecoder.HOST_LEN, (short) 300);
        assertThatThrownBy(() -> decoder.decode(longHost)).hasMessageContaining("host of 300");
        byte[] unknownFunction = good.clone();
        unknownFunction[DnsRecordDecoder.FUNCTION] = 9;
        assertThatThrownBy(() -> decoder.decode(unknownFunction)).hasMessageContaining("unknown DNS function 9");
        byte[] hostWithoutNul = good.clone();
        hostWithoutNul[hostWithoutNul.length - 1] = 'x';
        assertThatThrownBy(() -> decoder.decode(hostWithoutNul)).hasMessageContaining("host has no NUL");
    }

    @Test
    void recordsAreAsLongAsTheirContents() throws Exception {
        DnsEvent e = decoder.decode(fixture("dns-invalid.bin"));
        assertThat(fixture("dns-invalid.bin")).hasSize(DnsRecordDecoder.DATA + "vigil-fixture.invalid".length() + 1);
        assertThat(e.service()).isEmpty();
        // a service follows the host; each ends with its NUL
        byte[] good = fixture("dns-localhost.bin");
        byte[] withService = withSize(Arrays.copyOf(good, good.length + 6));
        System.arraycopy("https\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, withService, good.length, 6);
        ByteBuffer.wrap(withService).order(ByteOrder.LITTLE_ENDIAN).putShort(DnsRecordDecoder.SERVICE_LEN, (short) 6);
        assertThat(decoder.decode(withService).service()).isEqualTo("https");
        assertThat(decoder.decode(withService).host()).isEqualTo("localhost");
    }

    /** The record with its header's size field set to its length. */
    private static byte[] withSize(byte[] record) {
        ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).putInt(4, record.length);
        return record;
    }

    @Test
    void gethostbynameFamilyFunctionsAndHErrnoNames() throws Exception {
        byte[] record = fixture("dns-invalid.bin");
        String[] functions = {"getaddrinfo", "gethostbyname", "gethostbyname2", "gethostbyname_r", "gethostbyname2_r"};
        for (int code = 1; code <= functions.length; code++) {
            record[DnsRecordDecoder.FUNCTION] = (byte) code;
            assertThat(decoder.decode(record).function()).isEqualTo(functions[code - 1]);
        }
        DnsEvent failed = decoder.decode(record); // gethostbyname2_r
        int[] herrno = {1, 2, 3, 4, -1, DnsEvent.H_ERRNO_UNREAD, 7};
        String[] names = {"HOST_NOT_FOUND", "TRY_AGAIN", "NO_RECOVERY", "NO_DATA", "NETDB_INTERNAL",
            "gethostbyname2_r found nothing (h_errno not read)", "h_errno 7"};
        for (int i = 0; i < herrno.length; i++) {
            DnsEvent e = new DnsEvent(failed.function(), 0, 0, 1, 1, 0, 0, "c", null, "h", "", 2, herrno[i], 1, List.of());
            assertThat(e.error()).isEqualTo(names[i]);
        }
    }

    @Test
    void eaiNames() {
        assertThat(AddrinfoErrors.name(-3)).isEqualTo("EAI_AGAIN");
        assertThat(AddrinfoErrors.name(-999)).isEqualTo("EAI_-999");
    }

    @Test
    void decoderOffsetsMatchTheCompiledStruct() throws Exception {
        Path object = Path.of("target/classes/bpf/dns.bpf.o");
        Requirements.require(Files.exists(object), "dns.bpf.o not built");
        Map<String, Integer> m = BtfLayout.members(object, "dns_record");
        assertThat(m).containsEntry("uid", DnsRecordDecoder.UID).containsEntry("gid", DnsRecordDecoder.GID)
                .containsEntry("ret", DnsRecordDecoder.RET).containsEntry("hint_family", DnsRecordDecoder.HINT_FAMILY)
                .containsEntry("latency_ns", DnsRecordDecoder.LATENCY).containsEntry("addr_count", DnsRecordDecoder.ADDR_COUNT)
                .containsEntry("function", DnsRecordDecoder.FUNCTION).containsEntry("host_len", DnsRecordDecoder.HOST_LEN)
                .containsEntry("service_len", DnsRecordDecoder.SERVICE_LEN)
                .containsEntry("comm", DnsRecordDecoder.COMM).containsEntry("data", DnsRecordDecoder.DATA);
        assertThat(BtfLayout.members(object, "dns_address")).containsEntry("family", 0).containsEntry("addr", 4);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = DnsRecordDecoderTest.class.getResourceAsStream("/records/" + name)) {
            return in.readAllBytes();
        }
    }
}
