package dev.vigil.tables.users;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.tables.FixtureFiles;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupsTablesTest {
    private GroupsTable groups;
    private UserGroupsTable userGroups;

    @BeforeEach
    void fixtureHost(@TempDir Path dir) {
        HostPaths host = FakeHost.in(dir).copy("/", FixtureFiles.path("users/root")).paths();
        groups = new GroupsTable(host);
        userGroups = new UserGroupsTable(host);
    }

    @Test
    void groupsKeepTheFirstLineOfEachGid() throws Exception {
        List<Row> rows = TableScan.of(groups, List.of()).rows();

        assertThat(rows).extracting(r -> r.get(GroupsTable.GROUPNAME))
                .containsExactly("root", "daemon", "users", "sudo", "docker", "alice", "nogroup", "nfsnobody");
        Row nfs = rows.get(7);
        assertThat(nfs.get(GroupsTable.GID)).isEqualTo(4294967294L);
        assertThat(nfs.get(GroupsTable.GID_SIGNED)).isEqualTo(-2L);
    }

    @Test
    void gidEqualityFilters() throws Exception {
        List<Row> rows = TableScan.of(groups, List.of(TableScan.eq(GroupsTable.GID, 27L))).rows();

        assertThat(rows).extracting(r -> r.get(GroupsTable.GROUPNAME)).containsExactly("sudo");
    }

    @Test
    void userGroupsArePrimaryGroupThenMemberships() throws Exception {
        List<Row> rows = TableScan.of(userGroups, List.of()).rows();

        assertThat(gidsOf(rows, 1000)).containsExactly(1000L, 100L, 27L, 999L);
        assertThat(gidsOf(rows, 1001)).containsExactly(100L, 27L);
        assertThat(gidsOf(rows, 0)).containsExactly(0L);
        assertThat(rows.stream().filter(r -> r.get(UserGroupsTable.UID).equals(0L))).hasSize(1);
    }

    @Test
    void userGroupsFilterByUidAndGid() throws Exception {
        List<Row> rows = TableScan.of(userGroups, List.of(TableScan.eq(UserGroupsTable.UID, 1000L),
                TableScan.eq(UserGroupsTable.UID, 1001L), TableScan.eq(UserGroupsTable.GID, 27L))).rows();

        assertThat(rows).extracting(r -> r.get(UserGroupsTable.UID)).containsExactly(1000L, 1001L);
    }

    private static List<Object> gidsOf(List<Row> rows, long uid) {
        return rows.stream().filter(r -> r.get(UserGroupsTable.UID).equals(uid))
                .map(r -> r.get(UserGroupsTable.GID)).toList();
    }
}
