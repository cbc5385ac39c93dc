package dev.vigil.tables.users;

import dev.vigil.sql.spi.Row;
import dev.vigil.tables.system.TableRuns;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupsTablesTest {
    private final GroupsTable groups =
            new GroupsTable(TableRuns.resource("users/root"), TableRuns.resource("users/proc"));
    private final UserGroupsTable userGroups = new UserGroupsTable(TableRuns.resource("users/root"));

    @Test
    void groupsKeepTheFirstLineOfEachGid() throws Exception {
        List<Row> rows = TableRuns.scan(groups);

        assertThat(rows).extracting(r -> r.get(GroupsTable.GROUPNAME))
                .containsExactly("root", "daemon", "users", "sudo", "docker", "alice", "nogroup", "nfsnobody");
        Row nfs = rows.get(7);
        assertThat(nfs.get(GroupsTable.GID)).isEqualTo(4294967294L);
        assertThat(nfs.get(GroupsTable.GID_SIGNED)).isEqualTo(-2L);
    }

    @Test
    void gidEqualityFilters() throws Exception {
        List<Row> rows = TableRuns.scan(groups, TableRuns.where(groups, new ArrayList<>(), GroupsTable.GID, 27L));

        assertThat(rows).extracting(r -> r.get(GroupsTable.GROUPNAME)).containsExactly("sudo");
    }

    @Test
    void userGroupsArePrimaryGroupThenMemberships() throws Exception {
        List<Row> rows = TableRuns.scan(userGroups);

        assertThat(gidsOf(rows, 1000)).containsExactly(1000L, 100L, 27L, 999L);
        assertThat(gidsOf(rows, 1001)).containsExactly(100L, 27L);
        assertThat(gidsOf(rows, 0)).containsExactly(0L);
        assertThat(rows.stream().filter(r -> r.get(UserGroupsTable.UID).equals(0L))).hasSize(1);
    }

    @Test
    void userGroupsFilterByUidAndGid() throws Exception {
        List<Row> rows = TableRuns.scan(userGroups, TableRuns.where(userGroups, new ArrayList<>(),
                UserGroupsTable.UID, 1000L, UserGroupsTable.UID, 1001L, UserGroupsTable.GID, 27L));

        assertThat(rows).extracting(r -> r.get(UserGroupsTable.UID)).containsExactly(1000L, 1001L);
    }

    private static List<Object> gidsOf(List<Row> rows, long uid) {
        return rows.stream().filter(r -> r.get(UserGroupsTable.UID).equals(uid))
                .map(r -> r.get(UserGroupsTable.GID)).toList();
    }
}
