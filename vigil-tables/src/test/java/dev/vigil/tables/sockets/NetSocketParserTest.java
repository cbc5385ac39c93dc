package dev.vigil.tables.sockets;

import dev.vigil.tables.network.InetText;

import dev.vigil.tables.process.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fixtures were captured on a little-endian host from a Python process holding: a TCP listener on
 * 127.0.0.1:32903 (inode 13622) with a connection from port 60930 (13623, accepted as 13624); a TCP6 listener on
 * [::]:51025 (13625) with a connection from [::1]:39492 (13626, accepted 13627); a TCP6 listener on
 * [::ffff:127.0.0.1]:37053 (13628); UDP on 0.0.0.0:40757 (13629); UDP6 on [::1]:56232 (13630); unix listeners on
 * "/tmp/vigil fixture.sock" (13631) and the abstract "@vigil-abstract" (13632); a packet socket for ETH_P_ALL
 * (13633).
 */
class NetSocketParserTest {

    @Test
    void ipv4AddressesAndPorts() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
        assertThat(SocketAddressText.decodeAddress("0100007F")).isEqualTo("127.0.0.1");
        assertThat(SocketAddressText.decodeAddress("00000000")).isEqualTo("0.0.0.0");
        assertThat(SocketAddressText.decodeAddress("0101A8C0")).isEqualTo("192.168.1.1");
        assertThat(SocketAddressText.decodePort("8087")).isEqualTo(32903);
        assertThat(SocketAddressText.decodePort("0000")).isZero();
    }

    @Test
    void ipv6AddressesInCanonicalForm() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
        assertThat(SocketAddressText.decodeAddress("00000000000000000000000000000000")).isEqualTo("::");
        assertThat(SocketAddressText.decodeAddress("00000000000000000000000001000000")).isEqualTo("::1");
        assertThat(SocketAddressText.decodeAddress("0000000000000000FFFF00000100007F")).isEqualTo("::ffff:127.0.0.1");
        assertThat(SocketAddressText.decodeAddress("000080FE00000000FF005702FEB9C7F2")).isEqualTo("fe80::257:ff:f2c7:b9fe");
        assertThat(SocketAddressText.decodeAddress("B80D0120000000000000000000000000")).isEqualTo("2001:db8::");
    }

    @Test
    void ipv6TextFollowsRfc5952() {
        assertThat(InetText.format(bytes(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(InetText.format(bytes(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(InetText.format(bytes(0x2001, 0, 0, 1, 0, 0, 0, 1))).isEqualTo("2001:0:0:1::1");
        assertThat(InetText.format(bytes(0, 0, 0, 0, 0, 0, 0xc000, 0x0201))).isEqualTo("::192.0.2.1");
        assertThat(InetText.format(bytes(0xfe80, 0, 0, 0, 0, 0, 0, 0))).isEqualTo("fe80::");
        assertThat(InetText.format(bytes(0xABCD, 0xEF01, 1, 2, 3, 4, 5, 6))).isEqualTo("abcd:ef01:1:2:3:4:5:6");
    }

    @Test
    void malformedAddressIsRejected() {
        assertThatThrownBy(() -> SocketAddressText.decodeAddress("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocketAddressText.decodeAddress("ZZ00007F")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void tcpStateNames() {
        assertThat(TcpState.name("0A")).isEqualTo("LISTEN");
        assertThat(TcpState.name("01")).isEqualTo("ESTABLISHED");
        assertThat(TcpState.name("06")).isEqualTo("TIME_WAIT");
        assertThat(TcpState.name("07")).isEqualTo("CLOSED");
        assertThat(TcpState.name("00")).isEqualTo("UNKNOWN");
        assertThat(TcpState.name("FF")).isEqualTo("UNKNOWN");
        assertThat(TcpState.name("x")).isEqualTo("UNKNOWN");
    }

    @Test
    void tcp() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
        List<NetSocket> tcp = NetSocketParser.parseInternet(Fixtures.text("net-tcp.txt"), 2, 6);
        assertThat(tcp).hasSize(4);
        assertThat(tcp.getFirst()).isEqualTo(new NetSocket(13622, 2, 6, "127.0.0.1", 32903, "0.0.0.0", 0, null, "LISTEN"));
        assertThat(tcp.get(2)).isEqualTo(
                new NetSocket(13623, 2, 6, "127.0.0.1", 60930, "127.0.0.1", 32903, null, "ESTABLISHED"));
        assertThat(tcp.get(3)).isEqualTo(
                new NetSocket(13624, 2, 6, "127.0.0.1", 32903, "127.0.0.1", 60930, null, "ESTABLISHED"));
    }

    @Test
    void tcp6() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
        List<NetSocket> tcp6 = NetSocketParser.parseInternet(Fixtures.text("net-tcp6.txt"), 10, 6);
        assertThat(tcp6).containsExactly(
                new NetSocket(13628, 10, 6, "::ffff:127.0.0.1", 37053, "::", 0, null, "LISTEN"),
                new NetSocket(13625, 10, 6, "::", 51025, "::", 0, null, "LISTEN"),
                new NetSocket(13627, 10, 6, "::1", 51025, "::1", 39492, null, "ESTABLISHED"),
                new NetSocket(13626, 10, 6, "::1", 39492, "::1", 51025, null, "ESTABLISHED"));
    }

    @Test
    void udpHasNoState() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
        assertThat(NetSocketParser.parseInternet(Fixtures.text("net-udp.txt"), 2, 17))
                .containsExactly(new NetSocket(13629, 2, 17, "0.0.0.0", 40757, "0.0.0.0", 0, null, null));
        assertThat(NetSocketParser.parseInternet(Fixtures.text("net-udp6.txt"), 10, 17))
                .containsExactly(new NetSocket(13630, 10, 17, "::1", 56232, "::", 0, null, null));
        assertThat(NetSocketParser.parseInternet(Fixtures.text("net-raw.txt"), 2, 255)).isEmpty();
    }

    @Test
    void unixPathsWithSpacesAndAbstractNames() {
        List<NetSocket> unix = NetSocketParser.parseUnix(Fixtures.text("net-unix.txt"));
        assertThat(unix).hasSize(4);
        assertThat(unix).filteredOn(s -> s.inode() == 13631).singleElement()
                .isEqualTo(new NetSocket(13631, 1, 0, null, 0, null, 0, "/tmp/vigil fixture.sock", null));
        assertThat(unix).filteredOn(s -> s.inode() == 13632).singleElement()
                .extracting(NetSocket::path).isEqualTo("@vigil-abstract");
        assertThat(unix).filteredOn(s -> s.inode() == 1062).singleElement()
                .extracting(NetSocket::path).isNull();
    }

    @Test
    void packet() {
        assertThat(NetSocketParser.parsePacket(Fixtures.text("net-packet.txt")))
                .containsExactly(new NetSocket(13633, 17, 3, null, 0, null, 0, null, "NONE"));
    }

    @Test
    void wrongHeaderIsRejected() {
        assertThatThrownBy(() -> NetSocketParser.parseInternet("Num RefCount\n", 2, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Num RefCount");
        assertThatThrownBy(() -> NetSocketParser.parseUnix("  sl local\n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NetSocketParser.parseInternet("  sl local_address\n   0: short line\n", 2, 6)).isEmpty();
    }

    @Test
    void listeningRule() {
        assertThat(ListeningPortsTable.isListening(new NetSocket(1, 2, 6, "0.0.0.0", 22, "0.0.0.0", 0, null, "LISTEN")))
                .isTrue();
        assertThat(ListeningPortsTable.isListening(
                new NetSocket(1, 2, 6, "1.2.3.4", 22, "5.6.7.8", 5000, null, "ESTABLISHED"))).isFalse();
        assertThat(ListeningPortsTable.isListening(new NetSocket(1, 2, 6, "0.0.0.0", 22, "0.0.0.0", 0, null, "CLOSED")))
                .isFalse();
        assertThat(ListeningPortsTable.isListening(new NetSocket(1, 10, 17, "::", 53, "::", 0, null, null))).isTrue();
        assertThat(ListeningPortsTable.isListening(new NetSocket(1, 1, 0, null, 0, null, 0, "/run/x.sock", null)))
                .isTrue();
        assertThat(ListeningPortsTable.isListening(new NetSocket(1, 1, 0, null, 0, null, 0, null, null))).isFalse();
    }

    private static byte[] bytes(int... words) {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (words[i] >> 8);
            out[2 * i + 1] = (byte) words[i];
        }
        return out;
    }
}
