package dev.vigil.tables.users;

import dev.vigil.sql.spi.Row;
import dev.vigil.tables.system.TableRuns;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** users, groups and user_groups on this host against glibc's own view: getent (files source) and id. */
class AccountTablesHostTest {

    @Test
    void usersMatchGetentPasswd() throws Exception {
        List<String> expected = TableRuns.run("getent", "-s", "files", "passwd").lines().toList();
        List<String> actual = TableRuns.scan(new UsersTable()).stream()
                .map(r -> String.join(":", (String) r.get(UsersTable.USERNAME), "x",
                        r.get(UsersTable.UID).toString(), r.get(UsersTable.GID).toString(),
                        (String) r.get(UsersTable.DESCRIPTION), (String) r.get(UsersTable.DIRECTORY),
                        (String) r.get(UsersTable.SHELL)))
                .toList();

        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(
                expected.stream().map(AccountTablesHostTest::maskPassword).toList());
    }

    @Test
    void rootIsFoundByUid() throws Exception {
        UsersTable table = new UsersTable();
        String[] root = TableRuns.run("getent", "passwd", "0").trim().split(":");

        List<Row> rows = TableRuns.scan(table, TableRuns.where(table, new ArrayList<>(), UsersTable.UID, 0L));

        assertThat(rows).extracting(r -> r.get(UsersTable.USERNAME)).contains(root[0]);
    }

    @Test
    void groupsMatchGetentGroupFirstLinePerGid() throws Exception {
        Map<Long, String> expected = new LinkedHashMap<>();
        for (String line : TableRuns.run("getent", "-s", "files", "group").lines().toList()) {
            String[] f = line.split(":", -1);
            expected.putIfAbsent(Long.parseLong(f[2]), f[0]);
        }
        Map<Long, String> actual = new LinkedHashMap<>();
        for (Row r : TableRuns.scan(new GroupsTable())) {
            actual.put((Long) r.get(GroupsTable.GID), (String) r.get(GroupsTable.GROUPNAME));
        }

        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void userGroupsMatchIdForEveryUser() throws Exception {
        List<Row> rows = TableRuns.scan(new UserGroupsTable());
        Set<Long> seen = new HashSet<>();
        for (Row user : TableRuns.scan(new UsersTable())) {
            long uid = (Long) user.get(UsersTable.UID);
            if (!seen.add(uid)) {
                continue;
            }
            Set<Long> expected = new TreeSet<>();
            for (String gid : TableRuns.run("id", "-G", (String) user.get(UsersTable.USERNAME)).trim().split("\\s+")) {
                expected.add(Long.parseLong(gid));
            }
            Set<Long> actual = new TreeSet<>();
            rows.stream().filter(r -> r.get(UserGroupsTable.UID).equals(uid))
                    .forEach(r -> actual.add((Long) r.get(UserGroupsTable.GID)));
            assertThat(actual).as("groups of uid %d", uid).isEqualTo(expected);
        }
        assertThat(seen).contains(0L);
    }

    private static String maskPassword(String passwdLine) {
        String[] f = passwdLine.split(":", -1);
        f[1] = "x";
        return String.join(":", f);
    }
}
