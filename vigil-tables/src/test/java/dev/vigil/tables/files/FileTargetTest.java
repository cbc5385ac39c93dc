package dev.vigil.tables.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileTargetTest {

    @Test
    void parentIsBoostParentPath() {
        assertThat(FileTarget.parentOf("/etc/passwd")).isEqualTo("/etc");
        assertThat(FileTarget.parentOf("/etc/")).isEqualTo("/etc");
        assertThat(FileTarget.parentOf("/etc")).isEqualTo("/");
        assertThat(FileTarget.parentOf("/")).isEqualTo("");
        assertThat(FileTarget.parentOf("/a//b")).isEqualTo("/a");
        assertThat(FileTarget.parentOf("relative")).isEqualTo("");
    }

    @Test
    void filenameIsLastComponent() {
        assertThat(FileTarget.ofPath(bytes("/etc/passwd")).filename()).isEqualTo("passwd");
        assertThat(FileTarget.ofPath(bytes("/etc/")).filename()).isEqualTo(".");
        assertThat(FileTarget.ofPath(bytes("/")).filename()).isEqualTo("/");
        assertThat(FileTarget.ofPath(bytes("/etc//passwd")).directory()).isEqualTo("/etc");
    }

    @Test
    void directoryEntriesKeepTheDirectoryAsAsked() {
        FileTarget slash = FileTarget.inDirectory(bytes("/etc/"), "/etc/", bytes("hosts"));
        assertThat(slash.path()).isEqualTo("/etc/hosts");
        assertThat(slash.directory()).isEqualTo("/etc/");
        assertThat(slash.filename()).isEqualTo("hosts");
        FileTarget plain = FileTarget.inDirectory(bytes("/etc"), "/etc", bytes("hosts"));
        assertThat(plain.path()).isEqualTo("/etc/hosts");
        assertThat(plain.directory()).isEqualTo("/etc");
    }

    @Test
    void namesThatAreNotUtf8KeepTheirBytes() {
        byte[] raw = {'/', 't', (byte) 0xff};
        FileTarget t = FileTarget.ofPath(raw);
        assertThat(t.name()).isEqualTo(raw);
        assertThat(dev.vigil.sql.text.RawText.encode(t.path())).isEqualTo(raw);
        assertThat(dev.vigil.sql.text.RawText.encode(t.filename())).isEqualTo(new byte[]{'t', (byte) 0xff});
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
