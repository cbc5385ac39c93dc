package dev.vigil.sensors;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessExecutablesTest {

    @Test
    void readsEachPidOncePerSecond() {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong now = new AtomicLong(0);
        ProcessExecutables executables = new ProcessExecutables(pid -> {
            reads.incrementAndGet();
            return "/bin/exe-" + pid + "-" + reads.get();
        }, now::get);
        assertThat(executables.path(7, "a")).isEqualTo("/bin/exe-7-1");
        now.set(ProcessExecutables.TTL_NANOS - 1);
        assertThat(executables.path(7, "a")).isEqualTo("/bin/exe-7-1");
        assertThat(executables.path(8, "b")).isEqualTo("/bin/exe-8-2");
        now.set(ProcessExecutables.TTL_NANOS + 1);
        assertThat(executables.path(7, "a")).isEqualTo("/bin/exe-7-3");
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void anExecChangesTheCommandNameAndIsReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        ProcessExecutables executables = new ProcessExecutables(pid -> "/bin/read-" + reads.incrementAndGet(), () -> 0);
        assertThat(executables.path(7, "jspawnhelper")).isEqualTo("/bin/read-1");
        assertThat(executables.path(7, "getent")).isEqualTo("/bin/read-2");
        assertThat(executables.path(7, "getent")).isEqualTo("/bin/read-2");
    }

    @Test
    void readsTheRealProcOfThisProcess() {
        String self = new ProcessExecutables().path((int) ProcessHandle.current().pid(), "java");
        assertThat(self).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(new ProcessExecutables().path(Integer.MAX_VALUE, "none")).isNull();
    }
}
