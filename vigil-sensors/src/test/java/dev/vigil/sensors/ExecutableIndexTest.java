package dev.vigil.sensors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutableIndexTest {

    @Test
    void answersWithTheLatestExecBeforeTheTime() {
        ExecutableIndex index = new ExecutableIndex();
        index.exec(7, 100, "/usr/bin/bash");
        index.exec(7, 200, "/usr/bin/curl");
        assertThat(index.pathAt(7, 50)).isNull();
        assertThat(index.pathAt(7, 150)).isEqualTo("/usr/bin/bash");
        assertThat(index.pathAt(7, 200)).isEqualTo("/usr/bin/curl");
        assertThat(index.pathAt(8, 200)).isNull();
    }

    @Test
    void staysBounded() {
        ExecutableIndex index = new ExecutableIndex();
        for (int pid = 0; pid < ExecutableIndex.PIDS_MAX + 10; pid++) {
            index.exec(pid, 1, "/bin/true");
        }
        assertThat(index.pathAt(0, 1)).isNull();
        assertThat(index.pathAt(ExecutableIndex.PIDS_MAX + 9, 1)).isEqualTo("/bin/true");
        for (int i = 0; i < 10; i++) {
            index.exec(1, 10 + i, "/bin/x" + i);
        }
        assertThat(index.pathAt(1, 10)).isNull();
        assertThat(index.pathAt(1, 100)).isEqualTo("/bin/x9");
    }
}
