package dev.vigil.sql.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @Test
    void plainTextIsLeftAlone() {
        assertThat(TerminalText.safe("/usr/sbin/sshd -D é ✓ 日本")).isEqualTo("/usr/sbin/sshd -D é ✓ 日本");
        assertThat(TerminalText.safe(null)).isNull();
    }

    @Test
    void nothingCanForgeALineOrDriveTheTerminal() {
        assertThat(TerminalText.safe("x\n22:00:00.000 exec 1 0 0 sshd FORGED")).isEqualTo(
                "x\\x0A22:00:00.000 exec 1 0 0 sshd FORGED");
        assertThat(TerminalText.safe("\u001b[2J\u001b]0;title\u0007\r\u007f\u009b")).isEqualTo(
                "\\x1B[2J\\x1B]0;title\\x07\\x0D\\x7F\\x9B");
        assertThat(TerminalText.safe("evil\u202Egnp.exe\u200B")).isEqualTo("evil\\u{202E}gnp.exe\\u{200B}");
        assertThat(TerminalText.safe("a\\x0Ab")).isEqualTo("a\\\\x0Ab");
        assertThat(TerminalText.safe(RawText.decode(new byte[]{'a', (byte) 0xff}))).isEqualTo("a\\xFF");
    }
}
