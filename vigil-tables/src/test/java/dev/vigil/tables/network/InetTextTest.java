package dev.vigil.tables.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class InetTextTest {

    /** Expected texts are glibc's inet_ntop(3) output for the same addresses. */
    @Test
    void ipv6IsWrittenAsInetNtopWritesIt() throws Exception {
        assertThat(format("::2")).isEqualTo("::2");
        assertThat(format("::")).isEqualTo("::");
        assertThat(format("::1.2.3.4")).isEqualTo("::1.2.3.4");
        assertThat(format("::ffff:1.2.3.4")).isEqualTo("::ffff:1.2.3.4");
        assertThat(format("1:0:0:1:0:0:0:1")).isEqualTo("1:0:0:1::1");
        assertThat(format("1:0:0:1:0:0:1:1")).isEqualTo("1::1:0:0:1:1");
        assertThat(format("0:0:1:0:0:0:0:0")).isEqualTo("0:0:1::");
        assertThat(format("FE80:0:0:0:FC:FF:FE00:1")).isEqualTo("fe80::fc:ff:fe00:1");
        assertThat(format("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void ipv4AndMasks() {
        assertThat(InetText.format(new byte[] {(byte) 192, 0, 2, 1})).isEqualTo("192.0.2.1");
        assertThat(InetText.mask(8, 4)).isEqualTo("255.0.0.0");
        assertThat(InetText.mask(20, 4)).isEqualTo("255.255.240.0");
        assertThat(InetText.mask(0, 4)).isEqualTo("0.0.0.0");
        assertThat(InetText.mask(64, 16)).isEqualTo("ffff:ffff:ffff:ffff::");
        assertThat(InetText.mask(128, 16)).isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    }

    @Test
    void prefixLengthOfMasks() {
        assertThat(InetText.prefixLength(new byte[] {-1, -1, (byte) 0xf0, 0})).isEqualTo(20);
        assertThat(InetText.prefixLength(new byte[] {0, 0, 0, 0})).isEqualTo(0);
        assertThat(InetText.prefixLength(new byte[] {-1, 0, -1, 0})).isEqualTo(-1);
    }

    private static String format(String ipv6Literal) throws Exception {
        byte[] bytes = InetAddress.getByName(ipv6Literal).getAddress();
        if (bytes.length == 4) {
            // java.net turns ::ffff:a.b.c.d into an IPv4 address; rebuild the 16 mapped bytes
            byte[] mapped = new byte[16];
            mapped[10] = -1;
            mapped[11] = -1;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return InetText.format(bytes);
    }
}
