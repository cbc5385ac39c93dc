package dev.vigil.sensors.socket;

import dev.vigil.sensors.BtfLayout;
import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.WallClock;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records captured from socket.bpf.c on a real kernel while a Python child bound and listened on 127.0.0.1:47321,
 * connected to it and accepted, connected a UDP socket to [::1]:53, and connected to 127.0.0.1:47322 where nobody
 * listened. Needs no privileges.
 */
class SocketRecordDecoderTest {
    private final SocketRecordDecoder decoder = new SocketRecordDecoder(new WallClock(0));

    @Test
    void tcpOverIpv4() throws Exception {
        SocketEvent bind = decoder.decode(fixture("socket-bind-tcp4.bin"));
        assertThat(bind.action()).isEqualTo("bind");
        assertThat(bind.localAddress()).isEqualTo("127.0.0.1");
        assertThat(bind.localPort()).isEqualTo(47321);
        assertThat(bind.remoteAddress()).isNull();
        assertThat(bind.comm()).isEqualTo("python3");
        assertThat(bind.type()).isEqualTo(1);
        assertThat(bind.protocol()).isEqualTo(6);

        SocketEvent listen = decoder.decode(fixture("socket-listen-tcp4.bin"));
        assertThat(listen.action()).isEqualTo("listen");
        assertThat(listen.fd()).isEqualTo(bind.fd());

        SocketEvent connect = decoder.decode(fixture("socket-connect-tcp4.bin"));
        assertThat(connect.action()).isEqualTo("connect");
        assertThat(connect.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(connect.remotePort()).isEqualTo(47321);
        assertThat(connect.localAddress()).isEqualTo("127.0.0.1");
        assertThat(connect.status()).isEqualTo("succeeded");

        SocketEvent accept = decoder.decode(fixture("socket-accept-tcp4.bin"));
        assertThat(accept.action()).isEqualTo("accept");
        assertThat(accept.localPort()).isEqualTo(47321);
        assertThat(accept.remotePort()).isEqualTo(connect.localPort());
        assertThat(accept.fd()).isEqualTo(accept.result());
        assertThat(accept.pid()).isEqualTo(connect.pid());
    }

    @Test
    void udpOverIpv6() throws Exception {
        SocketEvent connect = decoder.decode(fixture("socket-connect-udp6.bin"));
        assertThat(connect.family()).isEqualTo(10);
        assertThat(connect.protocol()).isEqualTo(17);
        assertThat(connect.type()).isEqualTo(2);
        assertThat(connect.remoteAddress()).isEqualTo("::1");
        assertThat(connect.remotePort()).isEqualTo(53);
        assertThat(connect.localAddress()).isEqualTo("::1");
    }

    @Test
    void refusedConnectTakesThePeerFromTheCallersSockaddr() throws Exception {
        SocketEvent connect = decoder.decode(fixture("socket-connect-refused.bin"));
        assertThat(connect.result()).isEqualTo(-111);
        assertThat(connect.status()).isEqualTo("failed");
        assertThat(connect.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(connect.remotePort()).isEqualTo(47322);
        assertThat(connect.localAddress()).isNull();
        assertThat(connect.type()).isZero();
    }

    @Test
    void malformedRecordsAreRejected() throws Exception {
        byte[] good = fixture("socket-connect-tcp4.bin");
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(good, 100))).isInstanceOf(MalformedRecordException.class);
        byte[] badAction = good.clone();
        badAction[SocketRecordDecoder.ACTION] = 9;
        assertThatThrownBy(() -> decoder.decode(badAction)).hasMessageContaining("unknown socket action 9");
        byte[] unix = good.clone();
        unix[SocketRecordDecoder.FAMILY] = 1;
        assertThatThrownBy(() -> decoder.decode(unix)).hasMessageContaining("family 1");
    }

    @Test
    void ipv6TextIsCanonical() {
        byte[] a = new byte[16];
        assertThat(IpText.format(a, true)).isEqualTo("::");
        a[15] = 1;
        assertThat(IpText.format(a, true)).isEqualTo("::1");
        byte[] doc = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
        assertThat(IpText.format(doc, true)).isEqualTo("2001:db8::1:0:0:1");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertThat(IpText.format(mapped, true)).isEqualTo("::ffff:10.0.0.1");
        assertThat(SocketRecordDecoder.socketAddress(new byte[] {127, 0, 0, 1}, new byte[16], true)).isEqualTo("::ffff:127.0.0.1");
    }

    @Test
    void decoderOffsetsMatchTheCompiledStruct() throws Exception {
        Path object = Path.of("target/classes/bpf/socket.bpf.o");
        Requirements.require(Files.exists(object), "socket.bpf.o not built");
        Map<String, Integer> m = BtfLayout.members(object, "socket_record");
        assertThat(m).containsEntry("uid", SocketRecordDecoder.UID).containsEntry("gid", SocketRecordDecoder.GID)
                .containsEntry("fd", SocketRecordDecoder.FD).containsEntry("ret", SocketRecordDecoder.RET)
                .containsEntry("action", SocketRecordDecoder.ACTION).containsEntry("family", SocketRecordDecoder.FAMILY)
                .containsEntry("type", SocketRecordDecoder.TYPE).containsEntry("protocol", SocketRecordDecoder.PROTOCOL)
                .containsEntry("local_port", SocketRecordDecoder.LOCAL_PORT).containsEntry("remote_port", SocketRecordDecoder.REMOTE_PORT)
                .containsEntry("has_socket", SocketRecordDecoder.HAS_SOCKET).containsEntry("local_addr4", SocketRecordDecoder.LOCAL_ADDR4)
                .containsEntry("remote_addr4", SocketRecordDecoder.REMOTE_ADDR4).containsEntry("local_addr", SocketRecordDecoder.LOCAL_ADDR)
                .containsEntry("remote_addr", SocketRecordDecoder.REMOTE_ADDR).containsEntry("sockaddr", SocketRecordDecoder.SOCKADDR)
                .containsEntry("sockaddr_len", SocketRecordDecoder.SOCKADDR_LEN).containsEntry("comm", SocketRecordDecoder.COMM)
                .containsEntry("ppid", SocketRecordDecoder.PPID).containsEntry("auid", SocketRecordDecoder.AUID)
                .containsEntry("cgroup_id", SocketRecordDecoder.CGROUP_ID).containsEntry("duration_ns", SocketRecordDecoder.DURATION);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = SocketRecordDecoderTest.class.getResourceAsStream("/records/" + name)) {
            return in.readAllBytes();
        }
    }
}
