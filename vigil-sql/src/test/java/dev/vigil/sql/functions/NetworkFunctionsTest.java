package dev.vigil.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.sql.spi.SqlFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkFunctionsTest {

    private static Object call(SqlFunction function, Object... args) {
        return function.apply(args);
    }

    private final SqlFunction inetAton = new NetworkFunctions.InetAton();
    private final SqlFunction inCidrBlock = new NetworkFunctions.InCidrBlock();

    @Test
    void inetAtonGivesTheUnsignedAddress() {
        assertThat(call(inetAton, "1.0.1.5")).isEqualTo(16777477L); // osquery's documented example
        assertThat(call(inetAton, "0.0.0.0")).isEqualTo(0L);
        assertThat(call(inetAton, "192.168.0.1")).isEqualTo(3232235521L);
        assertThat(call(inetAton, "255.255.255.255")).isEqualTo(4294967295L);
    }

    @Test
    void inetAtonGivesNullForAnythingButIpv4() {
        for (String text : new String[] {"::1", "::ffff:1.2.3.4", "1.2.3", "01.2.3.4", "256.0.0.1", "", "host"}) {
            assertThat(call(inetAton, text)).as(text).isNull();
        }
        assertThat(call(inetAton, (Object) null)).isNull();
        assertThat(call(inetAton, 16777477L)).isNull();
    }

    @ParameterizedTest(name = "in_cidr_block({0}, {1}) = {2}")
    @CsvSource({
        // osquery's documented examples
        "10.0.0.0/26, 10.0.0.24, 1",
        "2001:db8::/48, 2001:db8:0:ffff:ffff:ffff:ffff:ffff, 1",
        // IPv4 hosts exclude the network and broadcast addresses
        "10.0.0.0/26, 10.0.0.1, 1",
        "10.0.0.0/26, 10.0.0.62, 1",
        "10.0.0.0/26, 10.0.0.0, 0",
        "10.0.0.0/26, 10.0.0.63, 0",
        "10.0.0.0/26, 10.0.0.64, 0",
        "10.0.0.0/26, 9.255.255.255, 0",
        "10.0.0.77/24, 10.0.0.9, 1",
        "192.168.1.0/24, 192.168.2.1, 0",
        "0.0.0.0/0, 8.8.8.8, 1",
        "0.0.0.0/0, 0.0.0.0, 0",
        "10.0.0.1/32, 10.0.0.1, 1",
        "10.0.0.1/32, 10.0.0.2, 0",
        "10.0.0.0/31, 10.0.0.0, 0",
        "10.0.0.0/31, 10.0.0.1, 0",
        "10.0.0.0/30, 10.0.0.1, 1",
        "10.0.0.0/030, 10.0.0.2, 1",
        "255.255.255.255/32, 255.255.255.255, 0",
        // IPv6 hosts are every address of the prefix
        "2001:db8::/48, 2001:db8::, 1",
        "2001:db8::/48, 2001:db8:1::, 0",
        "2001:db8::/47, 2001:db8:1::5, 1",
        "2001:db8:abcd::/35, 2001:db8:a000::, 1",
        "2001:db8:abcd::/35, 2001:db8:bfff::1, 1",
        "2001:db8:abcd::/35, 2001:db8:9fff:ffff:ffff:ffff:ffff:ffff, 0",
        "2001:db8:abcd::/35, 2001:db8:c000::, 0",
        "::1/128, ::1, 1",
        "::1/128, ::2, 0",
        "fe80::/10, fe80::1%eth0, 1",
        "::/0, ::1, 0",
        "ffff::/16, ffff:ffff::1, 0",
    })
    void inCidrBlock(String cidr, String ip, long expected) {
        assertThat(call(inCidrBlock, cidr, ip)).isEqualTo(expected);
    }

    @Test
    void inCidrBlockNeedsTextArguments() {
        assertThatThrownBy(() -> call(inCidrBlock, null, "10.0.0.1")).hasMessage("CIDR must be a string");
        assertThatThrownBy(() -> call(inCidrBlock, "10.0.0.0/8", null)).hasMessage("IP address must be a string");
        assertThatThrownBy(() -> call(inCidrBlock, "10.0.0.0/8", 167772161L))
                .hasMessage("IP address must be a string");
    }

    @Test
    void inCidrBlockErrorsNameWhatCouldNotBeParsed() {
        assertThatThrownBy(() -> call(inCidrBlock, "10.0.0.0/8", "10.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IP address cannot be parsed");
        for (String cidr : new String[] {"10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/+8", "10.0.0/8",
            "10.0.0.0/8x", "2001:db8::/32", "10.0.0.0/99999999999"}) {
            assertThatThrownBy(() -> call(inCidrBlock, cidr, "10.0.0.1")).as(cidr)
                    .hasMessage("CIDR for IP address v4 cannot be parsed");
        }
        for (String cidr : new String[] {"::", "::/129", "10.0.0.0/8", "2001:db8::/x"}) {
            assertThatThrownBy(() -> call(inCidrBlock, cidr, "::1")).as(cidr)
                    .hasMessage("CIDR for IP address v6 cannot be parsed");
        }
    }
}
