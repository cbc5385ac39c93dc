package dev.vigil.tables.sockets;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The socket tables through the SQL engine, against an AF_INET listener and connection the test opens. */
class SocketTablesSqlTest {
    private static final long SELF = ProcessHandle.current().pid();
    private static ServerSocketChannel server;
    private static SocketChannel client;
    private static SocketChannel accepted;
    private static int serverPort;
    private static int clientPort;
    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void open() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        server = ServerSocketChannel.open(StandardProtocolFamily.INET).bind(any);
        serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
        client = SocketChannel.open(StandardProtocolFamily.INET);
        client.connect(server.getLocalAddress());
        clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
        accepted = server.accept();
        engine = Engine.withServiceLoader();
        session = engine.openSession();
    }

    @AfterAll
    static void close() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{session, engine, accepted, client, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static List<List<Object>> rows(String sql) throws Exception {
        QueryResult result = session.query(sql);
        assertThat(result.warnings()).isEmpty();
        return result.rows();
    }

    @Test
    void listenerWithItsProcess() throws Exception {
        assertThat(rows("SELECT l.pid, l.address, l.family, p.pid = " + SELF + " FROM listening_ports l "
                + "JOIN processes p USING (pid) WHERE l.port = " + serverPort + " AND l.protocol = 6"))
                .containsExactly(List.of(SELF, "127.0.0.1", 2L, 1L));
    }

    @Test
    void establishedPair() throws Exception {
        assertThat(rows("SELECT local_port, remote_port, state FROM process_open_sockets WHERE pid = " + SELF
                + " AND protocol = 6 AND state = 'ESTABLISHED' AND " + serverPort + " IN (local_port, remote_port)"
                + " ORDER BY local_port"))
                .containsExactlyInAnyOrder(List.of((long) serverPort, (long) clientPort, "ESTABLISHED"),
                        List.of((long) clientPort, (long) serverPort, "ESTABLISHED"));
    }

    @Test
    void unfilteredScanAgreesWithThePidScan() throws Exception {
        assertThat(rows("SELECT pid, fd FROM process_open_sockets WHERE local_port = " + clientPort
                + " AND protocol = 6")).singleElement().satisfies(r -> assertThat(r.getFirst()).isEqualTo(SELF));
    }
}
