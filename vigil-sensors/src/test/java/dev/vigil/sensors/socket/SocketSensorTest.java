package dev.vigil.sensors.socket;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.HostRoots;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The socket sensor on this kernel, against sockets the test opens itself on the loopback interface. The JDK
 * opens dual-stack IPv6 sockets unless java.net.preferIPv4Stack is set, so IPv4 peers may appear v4-mapped.
 */
class SocketSensorTest {
    private static final int PID = (int) ProcessHandle.current().pid();
    private static final String[] LOOPBACK4 = {"127.0.0.1", "::ffff:127.0.0.1"};

    @BeforeEach
    void privileged() {
        Requirements.requireBpf();
    }

    @ParameterizedTest
    @EnumSource(value = HookKind.class, names = {"TRACEPOINT", "RAW_TRACEPOINT"})
    void tcpBindListenConnectAcceptOnIpv4(HookKind kind, @TempDir Path root) throws Exception {
        Requirements.require(kind != HookKind.TRACEPOINT || new FeatureProbe().check(kind, "syscalls/sys_enter_connect") == null,
                "tracefs not mounted");
        List<SocketEvent> live = new CopyOnWriteArrayList<>();
        try (SocketSensor sensor = new SocketSensor(EventStores.withDefaults(SocketSensor.KINDS))) {
            sensor.start(SensorOptions.defaults().withLowLatency(true),
                    HostRoots.forcing(root, kind, "syscalls/sys_enter_connect"), live::add);
            assertThat(sensor.status().state()).as(String.valueOf(sensor.status())).isEqualTo(SensorStatus.State.RUNNING);
            assertThat(sensor.status().hook()).isEqualTo(kind.sectionPrefix());
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
                 Socket client = new Socket("127.0.0.1", server.getLocalPort());
                 Socket accepted = server.accept()) {
                int port = server.getLocalPort();
                int clientPort = client.getLocalPort();

                SocketEvent connect = await(live, e -> e.action().equals("connect") && e.remotePort() == port);
                assertThat(connect.pid()).isEqualTo(PID);
                assertThat(connect.remoteAddress()).isIn((Object[]) LOOPBACK4);
                assertThat(connect.localAddress()).isIn((Object[]) LOOPBACK4);
                assertThat(connect.localPort()).isEqualTo(clientPort);
                assertThat(connect.protocol()).isEqualTo(6);
                assertThat(connect.family()).isIn(2, 10);
                assertThat(connect.status()).isIn("succeeded", "in_progress");
                assertThat(connect.path()).isEqualTo(ProcessHandle.current().info().command().orElseThrow());

                SocketEvent accept = await(live, e -> e.action().equals("accept") && e.localPort() == port);
                assertThat(accept.remoteAddress()).isIn((Object[]) LOOPBACK4);
                assertThat(accept.remotePort()).isEqualTo(clientPort);
                assertThat(accept.fd()).isEqualTo(accept.result()).isPositive();

                SocketEvent bind = await(live, e -> e.action().equals("bind") && e.localPort() == port);
                assertThat(bind.localAddress()).isIn((Object[]) LOOPBACK4);
                assertThat(bind.remoteAddress()).isNull();
                SocketEvent listen = await(live, e -> e.action().equals("listen") && e.localPort() == port);
                assertThat(listen.fd()).isEqualTo(bind.fd());
            }
        }
    }

    @Test
    void udpConnectAndIpv6() throws Exception {
        List<SocketEvent> live = new CopyOnWriteArrayList<>();
        try (SocketSensor sensor = new SocketSensor(EventStores.withDefaults(SocketSensor.KINDS))) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
                udp.connect(new InetSocketAddress("127.0.0.1", 9));
                SocketEvent connect = await(live, e -> e.action().equals("connect") && e.localPort() == udp.getLocalPort());
                assertThat(connect.protocol()).isEqualTo(17);
                assertThat(connect.remoteAddress()).isIn((Object[]) LOOPBACK4);
                assertThat(connect.remotePort()).isEqualTo(9);
            }
            InetAddress loopback6 = InetAddress.getByName("::1");
            boolean ipv6 = loopback6 instanceof Inet6Address && canBind(loopback6);
            assumeTrue(ipv6, "no IPv6 loopback");
            try (ServerSocket server = new ServerSocket(0, 5, loopback6);
                 Socket client = new Socket(loopback6, server.getLocalPort())) {
                SocketEvent connect = await(live, e -> e.action().equals("connect") && e.remotePort() == server.getLocalPort());
                assertThat(connect.family()).isEqualTo(10);
                assertThat(connect.remoteAddress()).isEqualTo("::1");
                assertThat(connect.localPort()).isEqualTo(client.getLocalPort());
            }
        }
    }

    @Test
    void failedConnectIsReportedWithTheAddressTried() throws Exception {
        List<SocketEvent> live = new CopyOnWriteArrayList<>();
        try (SocketSensor sensor = new SocketSensor(EventStores.withDefaults(SocketSensor.KINDS))) {
            sensor.start(SensorOptions.defaults().withLowLatency(true), new FeatureProbe(), live::add);
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                closedPort = probe.getLocalPort();
            }
            try (Socket s = new Socket("127.0.0.1", closedPort)) {
                assertThat(s.isConnected()).as("nobody should listen on %d", closedPort).isFalse();
            } catch (java.io.IOException refused) {
                // expected: nobody listens there
            }
            SocketEvent connect = await(live, e -> e.action().equals("connect") && e.remotePort() == closedPort
                    && !e.status().equals("in_progress"));
            assertThat(connect.status()).isEqualTo("failed");
            assertThat(connect.remoteAddress()).isIn((Object[]) LOOPBACK4);
        }
    }

    private static boolean canBind(InetAddress address) {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static SocketEvent await(List<SocketEvent> events, Predicate<SocketEvent> match) throws InterruptedException {
        assertThat(Requirements.waitFor(() -> events.stream().anyMatch(match))).as("event among %s", events).isTrue();
        Optional<SocketEvent> found = events.stream().filter(match).findFirst();
        return found.orElseThrow();
    }
}
