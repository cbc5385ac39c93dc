package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.sql.spi.SqlFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommunityIdFunctionsTest {

    private static Object call(SqlFunction function, Object... args) {
        return function.apply(args);
    }

    private final SqlFunction communityId = new CommunityIdFunctions.CommunityIdV1();
    private final SqlFunction seeded = new CommunityIdFunctions.CommunityIdV1Seeded();
    private final SqlFunction strict = new CommunityIdFunctions.CommunityIdV1Strict();
    private final SqlFunction strictSeeded = new CommunityIdFunctions.CommunityIdV1StrictSeeded();

    /**
     * The Community ID spec's published baseline (corelight/community-id-spec, baseline/baseline_deflt.json and
     * baseline_seed1.json), both directions of each flow; ICMP rows give the type and its port equivalent.
     */
    @ParameterizedTest(name = "{4} {0}:{2} -> {1}:{3}")
    @CsvSource({
        "128.232.110.120, 66.35.250.204, 34855, 80, 6, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=, 1:3V71V58M3Ksw/yuFALMcW0LAHvc=",
        "66.35.250.204, 128.232.110.120, 80, 34855, 6, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=, 1:3V71V58M3Ksw/yuFALMcW0LAHvc=",
        "192.168.1.52, 8.8.8.8, 54585, 53, 17, 1:d/FP5EW3wiY1vCndhwleRRKHowQ=, 1:Q9We8WO3piVF8yEQBNJF4uiSVrI=",
        "8.8.8.8, 192.168.1.52, 53, 54585, 17, 1:d/FP5EW3wiY1vCndhwleRRKHowQ=, 1:Q9We8WO3piVF8yEQBNJF4uiSVrI=",
        "192.168.170.8, 192.168.170.56, 7, 7, 132, 1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=, 1:5w3ZRjeKBzqT3zsaEECDGjUbYeg=",
        "192.168.170.56, 192.168.170.8, 7, 7, 132, 1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=, 1:5w3ZRjeKBzqT3zsaEECDGjUbYeg=",
        "2001:470:e5bf:dead:4957:2174:e82c:4887, 2607:f8b0:400c:c03::1a, 63943, 25, 6,"
                + " 1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=, 1:eJYTW6AOzFLlSUoESovMjnu7rMw=",
        "2607:f8b0:400c:c03::1a, 2001:470:e5bf:dead:4957:2174:e82c:4887, 25, 63943, 6,"
                + " 1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=, 1:eJYTW6AOzFLlSUoESovMjnu7rMw=",
        "192.168.0.89, 192.168.0.1, 8, 0, 1, 1:X0snYXpgwiv9TZtqg64sgzUn6Dk=, 1:03g6IloqVBdcZlPyX8r0hgoE7kA=",
        "192.168.0.1, 192.168.0.89, 0, 8, 1, 1:X0snYXpgwiv9TZtqg64sgzUn6Dk=, 1:03g6IloqVBdcZlPyX8r0hgoE7kA=",
        "10.0.0.1, 10.0.0.2, 11, 0, 1, 1:YHxtAirCG//0OzkcVAukqKQN9xM=, 1:XjUibYHaafLQ3pxQeiMI8g25q20=",
        "fe80::200:86ff:fe05:80da, fe80::260:97ff:fe07:69ea, 135, 136, 58,"
                + " 1:dGHyGvjMfljg6Bppwm3bg0LO8TY=, 1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY=",
        "3ffe:507:0:1:200:86ff:fe05:80da, 3ffe:501:0:1001::2, 128, 129, 58,"
                + " 1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=, 1:GfZxjAkDk2MkegpBYHV6tadtFXQ=",
    })
    void matchesTheSpecsBaseline(String src, String dst, long sport, long dport, long proto, String unseeded,
            String seedOne) {
        assertThat(call(communityId, src, dst, sport, dport, proto)).isEqualTo(unseeded);
        assertThat(call(seeded, src, dst, sport, dport, proto, 0L)).isEqualTo(unseeded);
        assertThat(call(seeded, src, dst, sport, dport, proto, 1L)).isEqualTo(seedOne);
        assertThat(call(strict, src, dst, sport, dport, proto)).isEqualTo(unseeded);
        assertThat(call(strictSeeded, src, dst, sport, dport, proto, 1L)).isEqualTo(seedOne);
    }

    @Test
    void matchesOsquerysDocumentedExamples() {
        assertThat(call(communityId, "66.35.250.204", "2001:0:3238:DFE1:63::FEFB", 80L, 2347L, 6L))
                .isEqualTo("1:rxU6O+b2d9kbSWjRmVDoBbowx6g=");
        assertThat(call(seeded, "66.35.250.204", "2001:0:3238:DFE1:63::FEFB", 80L, 2347L, 6L, 37L))
                .isEqualTo("1:jmJ2ORP31di4mtsQPIKzyoEb3yo=");
    }

    @Test
    void matchesZeeksTestVectors() {
        assertThat(call(communityId, "1.2.3.4", "5.6.7.8", 1122L, 3344L, 6L))
                .isEqualTo("1:wCb3OG7yAFWelaUydu0D+125CLM=");
        assertThat(call(communityId, "1.2.3.4", "5.6.7.8", 1122L, 3344L, 17L))
                .isEqualTo("1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=");
    }

    @Test
    void theSameAddressOrdersByPort() {
        Object forward = call(communityId, "10.0.0.1", "10.0.0.1", 1000L, 2000L, 6L);
        assertThat(call(communityId, "10.0.0.1", "10.0.0.1", 2000L, 1000L, 6L)).isEqualTo(forward);
        assertThat(call(communityId, "10.0.0.1", "10.0.0.1", 1000L, 3000L, 6L)).isNotEqualTo(forward);
    }

    @Test
    void invalidArgumentsGiveNullOrTheStrictError() {
        Object[][] cases = {
            {"Community ID IPs must be strings", new Object[] {null, "1.2.3.4", 1L, 2L, 6L}},
            {"Community ID IPs must be strings", new Object[] {"1.2.3.4", 16909060L, 1L, 2L, 6L}},
            {"Community ID saddr cannot be parsed as IP", new Object[] {"1.2.3", "1.2.3.4", 1L, 2L, 6L}},
            {"Community ID daddr cannot be parsed as IP", new Object[] {"1.2.3.4", "", 1L, 2L, 6L}},
            {"Community ID ports must be integers", new Object[] {"1.2.3.4", "5.6.7.8", "80", 2L, 6L}},
            {"Community ID ports must be integers", new Object[] {"1.2.3.4", "5.6.7.8", 1L, null, 6L}},
            {"Community ID ports must fit in 2 bytes", new Object[] {"1.2.3.4", "5.6.7.8", 65536L, 2L, 6L}},
            {"Community ID ports must fit in 2 bytes", new Object[] {"1.2.3.4", "5.6.7.8", 1L, -1L, 6L}},
            {"Community ID protocol must be an integer", new Object[] {"1.2.3.4", "5.6.7.8", 1L, 2L, 6.0}},
            {"Community ID protocol must fit in 1 byte", new Object[] {"1.2.3.4", "5.6.7.8", 1L, 2L, 256L}},
        };
        for (Object[] c : cases) {
            Object[] args = (Object[]) c[1];
            assertThat(communityId.apply(args)).as((String) c[0]).isNull();
            assertThatThrownBy(() -> strict.apply(args)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage((String) c[0]);
        }
    }

    @Test
    void theSeedMustBeASixteenBitInteger() throws Exception {
        assertThatThrownBy(() -> call(strictSeeded, "1.2.3.4", "5.6.7.8", 1L, 2L, 6L, "1"))
                .hasMessage("Community ID seed must be an integer");
        assertThatThrownBy(() -> call(strictSeeded, "1.2.3.4", "5.6.7.8", 1L, 2L, 6L, 32768L))
                .hasMessage("Community ID seed must fit in 2 bytes");
        assertThat(call(seeded, "1.2.3.4", "5.6.7.8", 1L, 2L, 6L, null)).isNull();
        assertThat(call(seeded, "1.2.3.4", "5.6.7.8", 1L, 2L, 6L, -32768L)).asString().startsWith("1:");
        // A negative seed is its 16-bit two's complement: seed . saddr . daddr . proto . 0 . sport . dport.
        byte[] tuple = {(byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 6, 0, 0, 1, 0, 2};
        assertThat(call(seeded, "1.2.3.4", "5.6.7.8", 1L, 2L, 6L, -1L)).isEqualTo("1:" + sha1Base64(tuple));
    }

    private static String sha1Base64(byte[] data) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-1")
                .digest(data));
    }
}
