package dev.vigil.tables.users;

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

class UsersTableTest {
    @TempDir
    Path dir;

    private UsersTable table;

    /** A host whose process 4242 runs in a container with accounts of its own. */
    @BeforeEach
    void fixtureHost() {
        table = new UsersTable(FakeHost.in(dir).copy("/", FixtureFiles.path("users/root"))
                .copy("/proc", FixtureFiles.path("users/proc")).paths());
    }

    @Test
    void listsEveryLineWithSignedIdsAndNoUuid() throws Exception {
        List<Row> rows = TableScan.of(table, List.of()).rows();

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
        TableScan scan = TableScan.of(table, List.of(TableScan.eq(UsersTable.UID, 1000L),
                TableScan.eq(UsersTable.UID, "1001"), TableScan.eq(UsersTable.UID, 77L)));

        assertThat(scan.rows()).extracting(r -> r.get(UsersTable.USERNAME)).containsExactly("alice", "bob");
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.notes()).isEmpty();
    }

    @Test
    void usernameEqualityFilters() throws Exception {
        List<Row> rows = TableScan.of(table, List.of(TableScan.eq(UsersTable.USERNAME, "bob"))).rows();

        assertThat(rows).extracting(r -> r.get(UsersTable.UID)).containsExactly(1001L);
    }

    @Test
    void includeRemoteIsEchoedAndNotesThatOnlyLocalAccountsAreRead() throws Exception {
        TableScan scan = TableScan.of(table, List.of(TableScan.eq(UsersTable.INCLUDE_REMOTE, 1L),
                TableScan.eq(UsersTable.UID, 0L)));

        assertThat(scan.rows()).hasSize(2)
                .allSatisfy(r -> assertThat(r.get(UsersTable.INCLUDE_REMOTE)).isEqualTo(1L));
        assertThat(scan.notes()).singleElement().asString().contains("include_remote");
        assertThat(scan.warnings()).isEmpty();
    }

    @Test
    void pidWithNamespaceReadsThatProcessRoot() throws Exception {
        TableScan scan = TableScan.of(table, List.of(TableScan.eq(UsersTable.PID_WITH_NAMESPACE, 4242L),
                TableScan.eq(UsersTable.PID_WITH_NAMESPACE, 999_999L)));

        assertThat(scan.rows()).extracting(r -> r.get(UsersTable.USERNAME)).containsExactly("root", "app");
        assertThat(scan.rows()).allSatisfy(r -> assertThat(r.get(UsersTable.PID_WITH_NAMESPACE)).isEqualTo(4242L));
        assertThat(scan.rows().get(0).get(UsersTable.DESCRIPTION)).isEqualTo("container root");
        assertThat(scan.notes()).singleElement().asString().contains("999999");
        assertThat(scan.warnings()).isEmpty();
    }

    @Test
    void missingPasswdIsANoteAndGivesNoRows(@TempDir Path empty) throws Exception {
        FakeHost bare = FakeHost.in(empty);

        TableScan scan = TableScan.of(new UsersTable(bare.paths()), List.of());

        assertThat(scan.rows()).isEmpty();
        assertThat(scan.notes()).containsExactly("users: " + bare.path("/etc/passwd") + " does not exist");
        assertThat(scan.warnings()).isEmpty();
    }
}
