package dev.vigil.tables.users;

import dev.vigil.sql.spi.Row;
import dev.vigil.tables.system.TableRuns;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsersTableTest {
    private final UsersTable table = new UsersTable(TableRuns.resource("users/root"), TableRuns.resource("users/proc"));

    @Test
    void listsEveryLineWithSignedIdsAndNoUuid() throws Exception {
        List<Row> rows = TableRuns.scan(table);

        assertThat(rows).extracting(r -> r.get(UsersTable.USERNAME))
                .containsExactly("root", "daemon", "alice", "bob", "nobody", "nfsnobody", "root");
        Row nfs = rows.get(5);
        assertThat(nfs.get(UsersTable.UID)).isEqualTo(4294967294L);
        assertThat(nfs.get(UsersTable.UID_SIGNED)).isEqualTo(-2L);
        assertThat(nfs.get(UsersTable.GID_SIGNED)).isEqualTo(-2L);
        assertThat(rows.get(2).get(UsersTable.DESCRIPTION)).isEqualTo("Alice Example,Room 1,,");
        assertThat(rows.get(2).get(UsersTable.SHELL)).isEqualTo("/bin/zsh");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(UsersTable.UUID)).isNull();
            assertThat(r.get(UsersTable.PID_WITH_NAMESPACE)).isEqualTo(0L);
            assertThat(r.get(UsersTable.INCLUDE_REMOTE)).isEqualTo(0L);
        });
    }

    @Test
    void uidInListReadsOnlyThoseUsers() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<Row> rows = TableRuns.scan(table,
                TableRuns.where(table, warnings, UsersTable.UID, 1000L, UsersTable.UID, "1001", UsersTable.UID, 77L));

        assertThat(rows).extracting(r -> r.get(UsersTable.USERNAME)).containsExactly("alice", "bob");
        assertThat(warnings).isEmpty();
    }

    @Test
    void usernameEqualityFilters() throws Exception {
        List<Row> rows = TableRuns.scan(table, TableRuns.where(table, new ArrayList<>(), UsersTable.USERNAME, "bob"));

        assertThat(rows).extracting(r -> r.get(UsersTable.UID)).containsExactly(1001L);
    }

    @Test
    void includeRemoteIsEchoedAndWarnsThatOnlyLocalAccountsAreRead() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<Row> rows = TableRuns.scan(table,
                TableRuns.where(table, warnings, UsersTable.INCLUDE_REMOTE, 1L, UsersTable.UID, 0L));

        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.get(UsersTable.INCLUDE_REMOTE)).isEqualTo(1L));
        assertThat(warnings).singleElement().asString().contains("include_remote");
    }

    @Test
    void pidWithNamespaceReadsThatProcessRoot() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<Row> rows = TableRuns.scan(table,
                TableRuns.where(table, warnings, UsersTable.PID_WITH_NAMESPACE, 4242L,
                        UsersTable.PID_WITH_NAMESPACE, 999_999L));

        assertThat(rows).extracting(r -> r.get(UsersTable.USERNAME)).containsExactly("root", "app");
        assertThat(rows).allSatisfy(r -> assertThat(r.get(UsersTable.PID_WITH_NAMESPACE)).isEqualTo(4242L));
        assertThat(rows.get(0).get(UsersTable.DESCRIPTION)).isEqualTo("container root");
        assertThat(warnings).singleElement().asString().contains("999999");
    }

    @Test
    void missingPasswdWarnsAndGivesNoRows(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        List<String> warnings = new ArrayList<>();
        UsersTable bare = new UsersTable(empty, empty);

        assertThat(TableRuns.scan(bare, TableRuns.where(bare, warnings))).isEmpty();
        assertThat(warnings).singleElement().asString().contains("etc/passwd");
    }
}
