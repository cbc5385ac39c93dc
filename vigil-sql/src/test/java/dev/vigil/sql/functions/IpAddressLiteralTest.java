package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "1.2.3.4", "10.0.0.1", "255.255.255.255", "192.168.0.100"})
    void acceptsDottedQuads(String text) throws UnknownHostException {
        assertThat(IpAddressLiteral.parseV4(text)).isEqualTo(InetAddress.getByName(text).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..3.4", ".1.2.3",
        "1.2.3.4.", " 1.2.3.4", "1.2.3.4 ", "0x1.2.3.4", "1.2.3.-4", "::1", "a.b.c.d"})
    void refusesAnythingElseAsIpv4(String text) {
        assertThat(IpAddressLiteral.parseV4(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
        "2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "fe80::200:86ff:fe05:80da", "::ffff:1.2.3.4",
        "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void acceptsIpv6Literals(String text) throws UnknownHostException {
        byte[] expected = InetAddress.getByName("[" + text + "]").getAddress();
        byte[] parsed = IpAddressLiteral.parseV6(text);
        assertThat(parsed).hasSize(16);
        if (expected.length == 16) {
            assertThat(parsed).isEqualTo(expected);
        } else { // Java hands back an IPv4-mapped address as IPv4
            assertThat(java.util.Arrays.copyOfRange(parsed, 12, 16)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":1::", "1:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "1:::2", "1::2::3",
        "12345::", "g::", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::01.2.3.4", "1.2.3.4", "::1 ", "[::1]"})
    void refusesMalformedIpv6(String text) {
        assertThat(IpAddressLiteral.parseV6(text)).isNull();
    }

    @Test
    void parseTriesBothFamiliesAndIgnoresAZone() {
        assertThat(IpAddressLiteral.parse("10.1.2.3")).hasSize(4);
        assertThat(IpAddressLiteral.parse("::1")).hasSize(16);
        assertThat(IpAddressLiteral.parse("fe80::1%eth0")).isEqualTo(IpAddressLiteral.parseV6("fe80::1"));
        assertThat(IpAddressLiteral.parse("example.com")).isNull();
        assertThat(IpAddressLiteral.parse("localhost")).isNull();
    }
}
