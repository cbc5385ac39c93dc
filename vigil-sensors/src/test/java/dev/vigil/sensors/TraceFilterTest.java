package dev.vigil.sensors;

import dev.vigil.sensors.dns.DnsEvent;
import dev.vigil.sensors.process.ProcessEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceFilterTest {
    private static final ProcessEvent EXEC = new ProcessEvent(ProcessEvent.Kind.EXEC, 1, 1, 42, 42, 1,
            ProcessEvent.Credentials.of(0, 0), 0, "curl", null, null, null, null, null);
    private static final DnsEvent DNS = new DnsEvent("getaddrinfo", 1, 1, 43, 43, 0, 0, "curl", null, "example.com", "", 0, 0, 5,
            List.of());

    @Test
    void filtersByKindPidAndComm() {
        assertThat(TraceFilter.all().test(EXEC)).isTrue();
        assertThat(new TraceFilter(Set.of("all"), null, null).test(DNS)).isTrue();
        assertThat(new TraceFilter(Set.of("exec"), null, null).test(DNS)).isFalse();
        assertThat(new TraceFilter(Set.of("dns"), 43, null).test(DNS)).isTrue();
        assertThat(new TraceFilter(Set.of(), 42, null).test(DNS)).isFalse();
        assertThat(new TraceFilter(Set.of(), null, "curl").test(EXEC)).isTrue();
        assertThat(new TraceFilter(Set.of(), null, "wget").test(EXEC)).isFalse();
    }

    @Test
    void namesTheSensorsNeeded() {
        assertThat(new TraceFilter(Set.of("exec", "connect"), null, null).sensors()).containsExactlyInAnyOrder("process", "socket");
        assertThat(TraceFilter.all().sensors()).containsExactlyInAnyOrder("process", "socket", "dns");
    }

    @Test
    void rejectsUnknownKinds() {
        assertThatThrownBy(() -> new TraceFilter(Set.of("exex"), null, null)).hasMessageContaining("unknown event kind 'exex'");
    }
}
