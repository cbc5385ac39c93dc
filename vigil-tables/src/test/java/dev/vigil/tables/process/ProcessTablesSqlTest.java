package dev.vigil.tables.process;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The process tables through the SQL engine, found by ServiceLoader, against a child the test starts. */
class ProcessTablesSqlTest {
    private static SleepingChild child;
    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        child = new SleepingChild().awaitExec();
        engine = Engine.withServiceLoader();
        session = engine.openSession();
    }

    @AfterAll
    static void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (child != null) {
            child.close();
        }
    }

    private static List<List<Object>> rows(String sql) throws Exception {
        QueryResult result = session.query(sql);
        assertThat(result.warnings()).isEmpty();
        return result.rows();
    }

    @Test
    void theChildsRow() throws Exception {
        assertThat(rows("SELECT pid, parent, name, cmdline, cwd, path, on_disk FROM processes WHERE pid = "
                + child.pid())).containsExactly(List.of(child.pid(), ProcessHandle.current().pid(), "sleep",
                child.cmdline(), child.directory.toString(), child.executable.toString(), 1L));
    }

    @Test
    void selectStarHasOsquerysColumnsInOrder() throws Exception {
        QueryResult result = session.query("SELECT * FROM processes WHERE pid = " + child.pid());
        assertThat(result.columns()).containsExactly("pid", "name", "path", "cmdline", "state", "cwd", "root", "uid",
                "gid", "euid", "egid", "suid", "sgid", "on_disk", "wired_size", "resident_size", "total_size",
                "user_time", "system_time", "disk_bytes_read", "disk_bytes_written", "start_time", "parent",
                "pgroup", "threads", "nice", "cgroup_path");
        assertThat(result.rows()).hasSize(1);
    }

    @Test
    void pidInList() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThat(rows("SELECT pid FROM processes WHERE pid IN (" + child.pid() + ", " + self + ") ORDER BY pid"))
                .containsExactly(List.of(Math.min(self, child.pid())), List.of(Math.max(self, child.pid())));
    }

    @Test
    void childrenOfThisJvmByJoin() throws Exception {
        assertThat(rows("SELECT c.pid FROM processes p JOIN processes c ON c.parent = p.pid WHERE p.pid = "
                + ProcessHandle.current().pid())).contains(List.of(child.pid()));
    }

    @Test
    void envMemoryMapAndOpenFiles() throws Exception {
        long pid = child.pid();
        assertThat(rows("SELECT value FROM process_envs WHERE pid = " + pid + " AND key = '"
                + SleepingChild.MARKER_VARIABLE + "'")).containsExactly(List.of(child.marker));
        assertThat(rows("SELECT path FROM process_open_files WHERE pid = " + pid + " AND fd = 1"))
                .containsExactly(List.of(child.stdout.toString()));
        assertThat(rows("SELECT count(*) FROM process_memory_map WHERE pid = " + pid + " AND path = '"
                + child.executable + "' AND permissions LIKE '__x_'")).containsExactly(List.of(1L));
    }
}
