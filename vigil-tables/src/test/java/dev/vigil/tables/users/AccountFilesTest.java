package dev.vigil.tables.users;

import dev.vigil.tables.FixtureFiles;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFilesTest {

    @Test
    void passwdKeepsWellFormedAccountsOnly() throws Exception {
        List<PasswdEntry> users = PasswdFile.parse(Files.readString(FixtureFiles.path("users/root/etc/passwd")));

        assertThat(users).extracting(PasswdEntry::name)
                .containsExactly("root", "daemon", "alice", "bob", "nobody", "nfsnobody", "root");
        assertThat(users.get(2)).isEqualTo(new PasswdEntry("alice", 1000, 1000, "Alice Example,Room 1,,",
                "/home/alice", "/bin/zsh"));
        assertThat(users.get(3).gecos()).isEmpty();
        assertThat(users.get(5).uid()).isEqualTo(4294967294L);
    }

    @Test
    void groupMembersAreTrimmedAndBlankMembersDropped() throws Exception {
        List<GroupEntry> groups = GroupFile.parse(Files.readString(FixtureFiles.path("users/root/etc/group")));

        assertThat(groups).extracting(GroupEntry::name)
                .containsExactly("root", "daemon", "users", "sudo", "docker", "alice", "nogroup", "nfsnobody", "sudo2");
        assertThat(groups.get(0).members()).isEmpty();
        assertThat(groups.get(3).members()).containsExactly("alice", "bob");
        assertThat(groups.get(4).members()).containsExactly("alice", "carol");
    }

    @Test
    void idsAreUnsigned32BitWithASignedView() {
        assertThat(IdNumbers.parse("4294967295")).isEqualTo(4294967295L);
        assertThat(IdNumbers.parse("4294967296")).isEqualTo(-1);
        assertThat(IdNumbers.parse("-1")).isEqualTo(-1);
        assertThat(IdNumbers.parse("")).isEqualTo(-1);
        assertThat(IdNumbers.signed(4294967294L)).isEqualTo(-2);
        assertThat(IdNumbers.signed(1000)).isEqualTo(1000);
    }
}
