package dev.vigil.tables.sockets;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.tables.process.Fixtures;
import dev.vigil.tables.process.Scans;
import dev.vigil.testkit.FakeHost;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The join of descriptors, namespaces and socket lists on a fake /proc: processes 100 and 200 share network
 * namespace 4026531840 and the listener 13622; 100 also holds the accepted connection 13624 and a plain file;
 * 300 lives in namespace 4026532999 and holds the UDP socket 13629.
 */
class FakeProcfsSocketTest {
    private static final String HOST_NS = "4026531840";
    private static final String OTHER_NS = "4026532999";

    @TempDir
    Path root;
    private HostPaths host;
    private Path proc;

    @BeforeEach
    void buildProc() throws IOException {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
        FakeHost fake = FakeHost.in(root).directory("/proc");
        host = fake.paths();
        proc = fake.path("/proc");
        process(100, HOST_NS, Fixtures.text("net-tcp.txt"), "3", "socket:[13622]", "4", "socket:[13624]",
                "5", "/tmp/file");
        Files.writeString(proc.resolve("100/net/unix"), Fixtures.text("net-unix.txt"));
        // Read only when 200 is the first process scanned in its namespace: the extra socket 99999 shows that.
        process(200, HOST_NS, Fixtures.text("net-tcp.txt")
                + "   9: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 99999 1 0\n",
                "7", "socket:[13622]");
        process(300, OTHER_NS, null, "3", "socket:[13629]");
        Files.writeString(proc.resolve("300/net/udp"), Fixtures.text("net-udp.txt"));
    }

    private void process(long pid, String namespace, String tcp, String... fdsAndTargets) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.createDirectories(dir.resolve("fd"));
        Files.createDirectories(dir.resolve("ns"));
        Files.createDirectories(dir.resolve("net"));
        Files.createSymbolicLink(dir.resolve("ns/net"), Path.of("net:[" + namespace + "]"));
        for (int i = 0; i < fdsAndTargets.length; i += 2) {
            Files.createSymbolicLink(dir.resolve("fd").resolve(fdsAndTargets[i]), Path.of(fdsAndTargets[i + 1]));
        }
        if (tcp != null) {
            Files.writeString(dir.resolve("net/tcp"), tcp);
        }
    }

    private static String key(Row row) {
        return row.get(ProcessOpenSocketsTable.PID) + "/" + row.get(ProcessOpenSocketsTable.FD) + "/"
                + row.get(ProcessOpenSocketsTable.SOCKET) + "/" + row.get(ProcessOpenSocketsTable.NET_NAMESPACE);
    }

    @Test
    void everySocketOfEveryNamespaceWithItsHolders() throws Exception {
        List<Row> rows = Scans.all(new ProcessOpenSocketsTable(host));
        assertThat(rows).extracting(FakeProcfsSocketTest::key).containsExactlyInAnyOrder(
                "100/3/13622/" + HOST_NS, "200/7/13622/" + HOST_NS, "-1/-1/1065/" + HOST_NS,
                "-1/-1/13623/" + HOST_NS, "100/4/13624/" + HOST_NS,
                "-1/-1/1062/" + HOST_NS, "-1/-1/1061/" + HOST_NS, "-1/-1/13631/" + HOST_NS, "-1/-1/13632/" + HOST_NS,
                "300/3/13629/" + OTHER_NS);
        Row accepted = rows.stream().filter(r -> r.get(ProcessOpenSocketsTable.SOCKET).equals(13624L)).findFirst()
                .orElseThrow();
        assertThat(accepted.get(ProcessOpenSocketsTable.FAMILY)).isEqualTo(2L);
        assertThat(accepted.get(ProcessOpenSocketsTable.PROTOCOL)).isEqualTo(6L);
        assertThat(accepted.get(ProcessOpenSocketsTable.LOCAL_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(accepted.get(ProcessOpenSocketsTable.LOCAL_PORT)).isEqualTo(32903L);
        assertThat(accepted.get(ProcessOpenSocketsTable.REMOTE_PORT)).isEqualTo(60930L);
        assertThat(accepted.get(ProcessOpenSocketsTable.STATE)).isEqualTo("ESTABLISHED");
        assertThat(accepted.get(ProcessOpenSocketsTable.PATH)).isNull();
    }

    @Test
    void pidConstraintReadsOnlyThoseProcessesAndLeavesOutUnownedSockets() throws Exception {
        List<Row> rows = Scans.where(new ProcessOpenSocketsTable(host), ProcessOpenSocketsTable.PID, 200L, 300L);
        assertThat(rows).extracting(FakeProcfsSocketTest::key)
                .containsExactlyInAnyOrder("200/7/13622/" + HOST_NS, "300/3/13629/" + OTHER_NS);
    }

    @Test
    void pidMinusOneMeansEverything() throws Exception {
        assertThat(Scans.where(new ProcessOpenSocketsTable(host), ProcessOpenSocketsTable.PID, -1L)).hasSize(10);
    }

    @Test
    void listeningPorts() throws Exception {
        List<Row> rows = Scans.all(new ListeningPortsTable(host));
        assertThat(rows).extracting(r -> r.get(ListeningPortsTable.PID) + "/" + r.get(ListeningPortsTable.FD) + "/"
                        + r.get(ListeningPortsTable.PROTOCOL) + "/" + r.get(ListeningPortsTable.ADDRESS) + "/"
                        + r.get(ListeningPortsTable.PORT) + "/" + r.get(ListeningPortsTable.PATH))
                .containsExactlyInAnyOrder(
                        "100/3/6/127.0.0.1/32903/null", "200/7/6/127.0.0.1/32903/null", "-1/-1/6/0.0.0.0/2024/null",
                        "-1/-1/0/null/0//tmp/vigil fixture.sock", "-1/-1/0/null/0/@vigil-abstract",
                        "300/3/17/0.0.0.0/40757/null");
    }
}
