package dev.vigil.tables.vigil;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.testkit.FakeHost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VigilInfoTableTest {
    @Test
    void describesThisProcess() throws Exception {
        try (Engine engine = Engine.builder().addTable(new VigilInfoTable(HostPaths.live())).build();
             Session s = engine.openSession()) {
            QueryResult r = s.query("SELECT pid, version, sqlite_version, start_time, config_valid FROM vigil_info");
            List<Object> row = r.rows().getFirst();
            assertThat(row.get(0)).isEqualTo(ProcessHandle.current().pid());
            assertThat((String) row.get(1)).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(row.get(2)).isEqualTo(Engine.sqliteVersion());
            long started = ProcessHandle.current().info().startInstant().orElseThrow().getEpochSecond();
            assertThat(row.get(3)).isEqualTo(started);
            assertThat(row.get(4)).isEqualTo(1L);
        }
    }

    @Test
    void hostUuidPrefersSmbiosThenMachineId(@TempDir Path root) throws Exception {
        FakeHost host = FakeHost.in(root);
        assertThat(VigilInfoTable.hostUuid(host.paths())).isNull();
        host.file("/etc/machine-id", "0123abcd\n");
        assertThat(VigilInfoTable.hostUuid(host.paths())).isEqualTo("0123abcd");
        host.file("/sys/class/dmi/id/product_uuid", "ABCD-1234\n");
        assertThat(VigilInfoTable.hostUuid(host.paths())).isEqualTo("abcd-1234");
    }
}
