package dev.vigil.sensors;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The event tables through the SQL engine, as the CLI wires them (as root, on this kernel). */
class SqlEventTablesTest {

    @Test
    void tcpConnectAndAcceptAreQueryable() throws Exception {
        Requirements.requireBpf();
        try (SensorRuntime sensors = SensorRuntime.start(SensorOptions.defaults().withLowLatency(true), w -> { })) {
            Engine.Builder builder = Engine.builder();
            sensors.tables().forEach(builder::addTable);
            try (Engine engine = builder.build(); Session session = engine.openSession();
                 java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"));
                 java.net.Socket client = new java.net.Socket("127.0.0.1", server.getLocalPort());
                 java.net.Socket accepted = server.accept()) {
                String query = "SELECT action, pid, remote_port, local_port, status FROM socket_events WHERE "
                        + "(action = 'connect' AND remote_port = " + server.getLocalPort() + ") OR "
                        + "(action = 'accept' AND local_port = " + server.getLocalPort() + ") ORDER BY action";
                assertThat(Requirements.waitFor(() -> {
                    try {
                        return session.query(query).rows().size() == 2;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).isTrue();
                long pid = ProcessHandle.current().pid();
                assertThat(session.query(query).rows()).containsExactly(
                        List.of("accept", pid, (long) client.getLocalPort(), (long) server.getLocalPort(), "succeeded"),
                        List.of("connect", pid, (long) server.getLocalPort(), (long) client.getLocalPort(), "succeeded"));
                assertThat(session.query("SELECT count(*) FROM bpf_socket_events WHERE syscall = 'listen' AND local_port = "
                        + server.getLocalPort()).rows()).containsExactly(List.of(1L));
            }
        }
    }

    @Test
    void dnsLookupsAreQueryable() throws Exception {
        Requirements.requireBpf();
        String invalid = "vigil-" + UUID.randomUUID() + ".invalid";
        try (SensorRuntime sensors = SensorRuntime.start(SensorOptions.defaults().withLowLatency(true), w -> { })) {
            Engine.Builder builder = Engine.builder();
            sensors.tables().forEach(builder::addTable);
            try (Engine engine = builder.build(); Session session = engine.openSession()) {
                Process p = new ProcessBuilder("getent", "ahosts", invalid).start();
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                String query = "SELECT pid, comm, return_code, error, latency_ns > 0, path FROM dns_lookup_events WHERE host = '"
                        + invalid + "'";
                // The path comes from the process sensor's exec event, read on another ring buffer: wait for both.
                assertThat(Requirements.waitFor(() -> {
                    try {
                        List<List<Object>> rows = session.query(query).rows();
                        return !rows.isEmpty() && rows.getFirst().getLast() != null;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).isTrue();
                assertThat(session.query(query).rows()).containsExactly(List.of(p.pid(), "getent", -2L, "EAI_NONAME", 1L,
                        Path.of("/usr/bin/getent").toRealPath().toString()));
            }
        }
    }

    @Test
    void childProcessIsQueryableWithItsExitCode(@TempDir Path dir) throws Exception {
        Requirements.requireBpf();
        String marker = "vigil-sql-" + UUID.randomUUID();
        try (SensorRuntime sensors = SensorRuntime.start(SensorOptions.defaults().withLowLatency(true), w -> { })) {
            Engine.Builder builder = Engine.builder();
            sensors.tables().forEach(builder::addTable);
            try (Engine engine = builder.build(); Session session = engine.openSession()) {
                Process child = new ProcessBuilder("/bin/sh", "-c", "exit 3", marker).directory(dir.toFile()).start();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long pid = child.pid();
                String exitQuery = "SELECT exit_code, cmdline, parent FROM bpf_process_events WHERE pid = " + pid
                        + " AND syscall = 'exit'";
                assertThat(Requirements.waitFor(() -> {
                    try {
                        return !session.query(exitQuery).rows().isEmpty();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).isTrue();
                assertThat(session.query(exitQuery).rows())
                        .containsExactly(List.of("3", "/bin/sh -c exit 3 " + marker, ProcessHandle.current().pid()));

                QueryResult exec = session.query("SELECT pid, parent, path, cwd, cmdline, syscall FROM process_events"
                        + " WHERE cmdline LIKE '%" + marker + "'");
                assertThat(exec.rows()).containsExactly(List.of(pid, ProcessHandle.current().pid(),
                        Path.of("/bin/sh").toRealPath().toString(), dir.toRealPath().toString(),
                        "/bin/sh -c exit 3 " + marker, "execve"));

                QueryResult status = session.query("SELECT state, hook, dropped FROM vigil_sensors WHERE sensor = 'process'");
                assertThat(status.rows()).hasSize(1);
                assertThat(status.rows().getFirst().getFirst()).isEqualTo("running");
            }
        }
    }
}
