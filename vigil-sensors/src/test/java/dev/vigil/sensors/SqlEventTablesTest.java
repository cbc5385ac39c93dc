package dev.vigil.sensors;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
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
    void childProcessIsQueryableWithItsExitCode(@TempDir Path dir) throws Exception {
        RootOnly.assumeBpfPrivileges();
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
                assertThat(RootOnly.waitFor(() -> {
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
