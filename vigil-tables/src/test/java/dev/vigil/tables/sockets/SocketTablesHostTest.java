package dev.vigil.tables.sockets;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.tables.process.Scans;
import dev.vigil.testkit.HostCommand;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socket tables on this host, against sockets this test opens: a TCP listener on 127.0.0.1 with one
 * connection to it, a UDP socket and a unix listener. They are opened as AF_INET channels, since the JVM's
 * default sockets are dual-stack AF_INET6 ones that the kernel lists with addresses like ::ffff:127.0.0.1. ss(8), which asks the kernel over netlink rather than
 * through /proc, gives the listener's descriptor.
 */
class SocketTablesHostTest {
    private static final long SELF = ProcessHandle.current().pid();

    private static ServerSocketChannel server;
    private static SocketChannel client;
    private static SocketChannel accepted;
    private static DatagramChannel udp;
    private static ServerSocketChannel unix;
    private static Path unixPath;

    @BeforeAll
    static void openSockets() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = ServerSocketChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(loopback, 0));
        client = SocketChannel.open(StandardProtocolFamily.INET);
        client.connect(server.getLocalAddress());
        accepted = server.accept();
        udp = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(loopback, 0));
        unixPath = Files.createTempDirectory("vigil-sock").resolve("listener.sock");
        unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        unix.bind(UnixDomainSocketAddress.of(unixPath));
    }

    @AfterAll
    static void closeSockets() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{accepted, client, server, udp, unix}) {
            if (c != null) {
                c.close();
            }
        }
        if (unixPath != null) {
            Files.deleteIfExists(unixPath);
            Files.deleteIfExists(unixPath.getParent());
        }
    }

    private static int port(java.nio.channels.NetworkChannel channel) {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ownNamespace() throws Exception {
        return Files.getAttribute(Path.of("/proc/self/ns/net"), "unix:ino").toString();
    }

    @Test
    void listenerAppearsInListeningPortsWithThisJvmsPidAndFd() throws Exception {
        List<Row> rows = Scans.all(new ListeningPortsTable(HostPaths.live()));
        List<Row> mine = rows.stream().filter(r -> r.get(ListeningPortsTable.PORT).equals((long) port(server))
                && r.get(ListeningPortsTable.PROTOCOL).equals(6L)).toList();
        assertThat(mine).hasSize(1);
        Row row = mine.getFirst();
        assertThat(row.get(ListeningPortsTable.PID)).isEqualTo(SELF);
        assertThat(row.get(ListeningPortsTable.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(row.get(ListeningPortsTable.FAMILY)).isEqualTo(2L);
        assertThat((Long) row.get(ListeningPortsTable.SOCKET)).isPositive();
        assertThat(row.get(ListeningPortsTable.NET_NAMESPACE)).isEqualTo(ownNamespace());
        String ss = HostCommand.run("ss", "-ltnpH", "sport = :" + port(server));
        Matcher fd = Pattern.compile("pid=" + SELF + ",fd=(\\d+)").matcher(ss);
        assertThat(fd.find()).as("ss output: %s", ss).isTrue();
        assertThat(row.get(ListeningPortsTable.FD)).isEqualTo(Long.parseLong(fd.group(1)));
        // The accepted and client sockets have peers, so they do not listen.
        assertThat(rows).noneMatch(r -> r.get(ListeningPortsTable.PORT).equals((long) port(client)));
    }

    @Test
    void udpAndUnixListenersAppearInListeningPorts() throws Exception {
        List<Row> rows = Scans.where(new ListeningPortsTable(HostPaths.live()), ListeningPortsTable.PID, SELF);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(ListeningPortsTable.PROTOCOL)).isEqualTo(17L);
            assertThat(r.get(ListeningPortsTable.PORT)).isEqualTo((long) port(udp));
            assertThat(r.get(ListeningPortsTable.ADDRESS)).isEqualTo("127.0.0.1");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(ListeningPortsTable.FAMILY)).isEqualTo(1L);
            assertThat(r.get(ListeningPortsTable.PATH)).isEqualTo(unixPath.toString());
            assertThat(r.get(ListeningPortsTable.PORT)).isEqualTo(0L);
        });
        assertThat(rows).allSatisfy(r -> assertThat(r.get(ListeningPortsTable.PID)).isEqualTo(SELF));
    }

    @Test
    void openSocketsShowTheListenerAndBothEndsOfTheConnection() throws Exception {
        List<Row> rows = Scans.where(new ProcessOpenSocketsTable(HostPaths.live()), ProcessOpenSocketsTable.PID, SELF);
        assertThat(rows).allSatisfy(r -> assertThat(r.get(ProcessOpenSocketsTable.PID)).isEqualTo(SELF));
        long serverPort = port(server);
        long clientPort = port(client);
        assertThat(rows).filteredOn(r -> r.get(ProcessOpenSocketsTable.LOCAL_PORT).equals(serverPort)
                        && "LISTEN".equals(r.get(ProcessOpenSocketsTable.STATE)))
                .singleElement().satisfies(r -> {
                    assertThat(r.get(ProcessOpenSocketsTable.LOCAL_ADDRESS)).isEqualTo("127.0.0.1");
                    assertThat(r.get(ProcessOpenSocketsTable.REMOTE_PORT)).isEqualTo(0L);
                });
        Row clientRow = rows.stream().filter(r -> r.get(ProcessOpenSocketsTable.LOCAL_PORT).equals(clientPort)
                && r.get(ProcessOpenSocketsTable.PROTOCOL).equals(6L)).findFirst().orElseThrow();
        assertThat(clientRow.get(ProcessOpenSocketsTable.STATE)).isEqualTo("ESTABLISHED");
        assertThat(clientRow.get(ProcessOpenSocketsTable.REMOTE_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(clientRow.get(ProcessOpenSocketsTable.REMOTE_PORT)).isEqualTo(serverPort);
        assertThat(clientRow.get(ProcessOpenSocketsTable.FAMILY)).isEqualTo(2L);
        assertThat(clientRow.get(ProcessOpenSocketsTable.NET_NAMESPACE)).isEqualTo(ownNamespace());
        Row acceptedRow = rows.stream().filter(r -> r.get(ProcessOpenSocketsTable.LOCAL_PORT).equals(serverPort)
                && clientPort == (Long) r.get(ProcessOpenSocketsTable.REMOTE_PORT)).findFirst().orElseThrow();
        assertThat(acceptedRow.get(ProcessOpenSocketsTable.STATE)).isEqualTo("ESTABLISHED");
        assertThat(acceptedRow.get(ProcessOpenSocketsTable.FD)).isNotEqualTo(clientRow.get(ProcessOpenSocketsTable.FD));
    }

    @Test
    void unfilteredScanIncludesThisJvmsSockets() throws Exception {
        List<Row> rows = Scans.all(new ProcessOpenSocketsTable(HostPaths.live()));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(ProcessOpenSocketsTable.PID)).isEqualTo(SELF);
            assertThat(r.get(ProcessOpenSocketsTable.LOCAL_PORT)).isEqualTo((long) port(client));
        });
    }
}
