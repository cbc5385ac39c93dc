package dev.vigil.tables.system;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.tables.packages.DebPackagesTable;
import dev.vigil.tables.users.GroupsTable;
import dev.vigil.tables.users.LoggedInUsersTable;
import dev.vigil.tables.users.UserGroupsTable;
import dev.vigil.tables.users.UsersTable;
import dev.vigil.testkit.HostCommand;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The system, users and packages tables through the SQL engine, as a user queries them, on this host. */
class SqlLevelTest {
    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void open() throws Exception {
        HostPaths host = HostPaths.live();
        engine = Engine.builder()
                .addTable(new UsersTable(host)).addTable(new GroupsTable(host)).addTable(new UserGroupsTable(host))
                .addTable(new LoggedInUsersTable(host)).addTable(new KernelInfoTable(host))
                .addTable(new KernelModulesTable(host)).addTable(new OsVersionTable(host))
                .addTable(new SystemInfoTable(host)).addTable(new UptimeTable(host)).addTable(new MountsTable(host))
                .addTable(new TimeTable(host)).addTable(new DebPackagesTable(host))
                .build();
        session = engine.openSession();
    }

    @AfterAll
    static void close() {
        session.close();
        engine.close();
    }

    @Test
    void selectStarLeavesHiddenColumnsOut() throws Exception {
        assertThat(session.query("SELECT * FROM users WHERE uid = 0").columns()).containsExactly("uid", "gid",
                "uid_signed", "gid_signed", "username", "description", "directory", "shell", "uuid");
        assertThat(session.query("SELECT * FROM deb_packages LIMIT 1").columns()).doesNotContain(
                "pid_with_namespace", "mount_namespace_id");
    }

    @Test
    void uidInListAndUserGroupsJoinMatchId() throws Exception {
        QueryResult users = session.query("SELECT username FROM users WHERE uid IN (0, 1) ORDER BY uid");
        assertThat(users.rows()).extracting(r -> r.get(0)).contains(HostCommand.run("id", "-un", "0").trim());

        QueryResult groups = session.query("SELECT g.gid FROM users u JOIN user_groups ug USING (uid) "
                + "JOIN groups g ON g.gid = ug.gid WHERE u.uid = 0");
        Set<Long> expected = new TreeSet<>();
        for (String gid : HostCommand.run("id", "-G", "0").trim().split("\\s+")) {
            expected.add(Long.parseLong(gid));
        }
        assertThat(new TreeSet<>(groups.rows().stream().map(r -> (Long) r.get(0)).toList())).isEqualTo(expected);
    }

    @Test
    void includeRemoteRowsCarryANote() throws Exception {
        QueryResult r = session.query("SELECT uid, include_remote FROM users WHERE include_remote = 1 AND uid = 0");

        assertThat(r.rows()).isNotEmpty().allSatisfy(row -> assertThat(row).containsExactly(0L, 1L));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("include_remote"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void pidWithNamespaceOfThisProcessSeesTheHostsOsRelease() throws Exception {
        long self = ProcessHandle.current().pid();
        QueryResult host = session.query("SELECT name, version FROM os_version");
        QueryResult viaPid = session.query(
                "SELECT name, version, pid_with_namespace FROM os_version WHERE pid_with_namespace = " + self);

        assertThat(viaPid.rows()).singleElement().satisfies(row -> {
            assertThat(row.subList(0, 2)).isEqualTo(host.rows().getFirst());
            assertThat(row.get(2)).isEqualTo(self);
        });
    }

    @Test
    void kernelInfoAndOsVersionMatchUname() throws Exception {
        assertThat(session.query("SELECT version FROM kernel_info").rows())
                .containsExactly(List.of(HostCommand.run("uname", "-r").trim()));
        assertThat(session.query("SELECT arch FROM os_version").rows())
                .containsExactly(List.of(HostCommand.run("uname", "-m").trim()));
    }

    @Test
    void debPackagesFindsDpkgItself() throws Exception {
        if (!Files.isRegularFile(Path.of("/var/lib/dpkg/status"))) {
            return;
        }
        String version = HostCommand.run("dpkg-query", "-W", "-f=${Version}", "dpkg").trim();

        assertThat(session.query("SELECT version FROM deb_packages WHERE name = 'dpkg'").rows())
                .containsExactly(List.of(version));
    }

    @Test
    void mountsRootUptimeAndTime() throws Exception {
        assertThat(session.query("SELECT count(*) FROM mounts WHERE path = '/' AND blocks > 0").rows())
                .isNotEqualTo(List.of(List.of(0L)));
        double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split("\\s+")[0]);
        long total = (Long) session.query("SELECT total_seconds FROM uptime").rows().getFirst().getFirst();
        assertThat((double) total).isCloseTo(uptime, within(3.0));
        long now = System.currentTimeMillis() / 1000;
        long unix = (Long) session.query("SELECT unix_time FROM time").rows().getFirst().getFirst();
        assertThat(unix).isCloseTo(now, within(5L));
    }

    @Test
    void everyTableAnswersSelectStar() throws Exception {
        for (String table : List.of("users", "groups", "user_groups", "logged_in_users", "kernel_info",
                "kernel_modules", "os_version", "system_info", "uptime", "mounts", "time", "deb_packages")) {
            QueryResult r = session.query("SELECT * FROM " + table);
            assertThat(r.columns()).as(table).isNotEmpty();
        }
        assertThat(session.query("SELECT count(*) FROM system_info").rows()).containsExactly(List.of(1L));
    }
}
