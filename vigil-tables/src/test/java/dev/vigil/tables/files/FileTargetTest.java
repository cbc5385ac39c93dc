package dev.vigil.tables.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
        assertThat(FileTarget.ofPath("/etc/passwd").filename()).isEqualTo("passwd");
        assertThat(FileTarget.ofPath("/etc/").filename()).isEqualTo(".");
        assertThat(FileTarget.ofPath("/").filename()).isEqualTo("/");
    }

    @Test
    void directoryEntriesKeepTheDirectoryAsAsked() {
        assertThat(FileTarget.inDirectory("/etc/", "hosts")).isEqualTo(new FileTarget("/etc/hosts", "/etc/"));
        assertThat(FileTarget.inDirectory("/etc", "hosts")).isEqualTo(new FileTarget("/etc/hosts", "/etc"));
    }
}
