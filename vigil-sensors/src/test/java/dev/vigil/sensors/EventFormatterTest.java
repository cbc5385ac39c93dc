package dev.vigil.sensors;

import dev.vigil.sensors.process.ProcessEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventFormatterTest {
    private static final ProcessEvent.Image IMAGE = new ProcessEvent.Image("/usr/bin/dash", "/tmp",
            List.of("/bin/sh", "-c", "echo \"hi\"\n"), false, false, 1);

    @Test
    void execLineShowsPathAndCommandLine() {
        ProcessEvent exec = new ProcessEvent(ProcessEvent.Kind.EXEC, 5, 1_700_000_000_000_000_000L, 42, 42, 1,
                new ProcessEvent.Credentials(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000), 7, "sh", IMAGE,
                null, null, null, null);
        assertThat(EventFormatter.line(exec)).contains("exec").contains(" 42 ").contains("/usr/bin/dash  /bin/sh -c echo");
        assertThat(EventFormatter.header()).startsWith("TIME");
        assertThat(EventFormatter.json(exec)).startsWith("{\"time\":1700000000000000000,\"event\":\"exec\",\"pid\":42,")
                .contains("\"argv\":[\"/bin/sh\",\"-c\",\"echo \\\"hi\\\"\\n\"]").contains("\"cgroup_id\":7").endsWith("}");
    }

    @Test
    void exitLineShowsCodeOrSignal() {
        ProcessEvent exit = new ProcessEvent(ProcessEvent.Kind.EXIT, 5, 0, 42, 42, 1, ProcessEvent.Credentials.of(0, 0),
                0, "sh", IMAGE, 3 << 8, 1_500_000_000L, null, null);
        assertThat(EventFormatter.line(exit)).contains("exit 3 after 1.500 s");
        assertThat(EventFormatter.json(exit)).contains("\"exit_code\":3").contains("\"duration_ns\":1500000000");
        ProcessEvent killed = new ProcessEvent(ProcessEvent.Kind.EXIT, 5, 0, 42, 42, 1, ProcessEvent.Credentials.of(0, 0),
                0, "sh", null, 9, null, null, null);
        assertThat(EventFormatter.line(killed)).contains("killed by signal 9");
        assertThat(EventFormatter.json(killed)).contains("\"signal\":9").doesNotContain("exit_code");
    }
}
