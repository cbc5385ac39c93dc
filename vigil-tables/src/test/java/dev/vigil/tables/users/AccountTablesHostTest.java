package dev.vigil.tables.users;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.Table;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;

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
        List<String> expected = HostCommand.run("getent", "-s", "files", "passwd").lines().toList();
        List<String> actual = scan(new UsersTable(HostPaths.live())).stream()
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
        UsersTable table = new UsersTable(HostPaths.live());
        String[] root = HostCommand.run("getent", "passwd", "0").trim().split(":");

        List<Row> rows = TableScan.of(table, List.of(TableScan.eq(UsersTable.UID, 0L))).rows();

        assertThat(rows).extracting(r -> r.get(UsersTable.USERNAME)).contains(root[0]);
    }

    @Test
    void groupsMatchGetentGroupFirstLinePerGid() throws Exception {
        Map<Long, String> expected = new LinkedHashMap<>();
        for (String line : HostCommand.run("getent", "-s", "files", "group").lines().toList()) {
            String[] f = line.split(":", -1);
            expected.putIfAbsent(Long.parseLong(f[2]), f[0]);
        }
        Map<Long, String> actual = new LinkedHashMap<>();
        for (Row r : scan(new GroupsTable(HostPaths.live()))) {
            actual.put((Long) r.get(GroupsTable.GID), (String) r.get(GroupsTable.GROUPNAME));
        }

        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void userGroupsMatchIdForEveryUser() throws Exception {
        List<Row> rows = scan(new UserGroupsTable(HostPaths.live()));
        Set<Long> seen = new HashSet<>();
        for (Row user : scan(new UsersTable(HostPaths.live()))) {
            long uid = (Long) user.get(UsersTable.UID);
            if (!seen.add(uid)) {
                continue;
            }
            Set<Long> expected = new TreeSet<>();
            String id = HostCommand.run("id", "-G", (String) user.get(UsersTable.USERNAME));
            for (String gid : id.trim().split("\\s+")) {
                expected.add(Long.parseLong(gid));
            }
            Set<Long> actual = new TreeSet<>();
            rows.stream().filter(r -> r.get(UserGroupsTable.UID).equals(uid))
                    .forEach(r -> actual.add((Long) r.get(UserGroupsTable.GID)));
            assertThat(actual).as("groups of uid %d", uid).isEqualTo(expected);
        }
        assertThat(seen).contains(0L);
    }

    private static List<Row> scan(Table table) throws Exception {
        return TableScan.of(table, List.of()).rows();
    }

    private static String maskPassword(String passwdLine) {
        String[] f = passwdLine.split(":", -1);
        f[1] = "x";
        return String.join(":", f);
    }
}
