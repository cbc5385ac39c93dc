package dev.vigil.sensors.process;

import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.Running;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;
import dev.vigil.sensors.WallClock;
import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event kind keeps its own events_max, so a flood of forks and exits (which any user can cause) cannot push a
 * recorded exec out of process_events; what the stores let go of, for being full or too old, is counted and shown.
 */
class EventRetentionTest {
    private final ProcessRecordDecoder decoder = new ProcessRecordDecoder(new WallClock(0));

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_000_000);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void aFloodOfForksAndExitsLeavesTheExecInPlace() throws Exception {
        EventStores<ProcessEvent> stores = new EventStores<>(100, Duration.ofHours(1), Clock.systemUTC(), ProcessSensor.KINDS);
        stores.add(decoder.decode(ProcessRecordDecoderTest.fixture("exec-sh-exit3.bin")));
        ProcessEvent fork = decoder.decode(ProcessRecordDecoderTest.fixture("fork-sh.bin"));
        ProcessEvent exit = decoder.decode(ProcessRecordDecoderTest.fixture("exit-status-768.bin"));
        for (int i = 0; i < 26_000; i++) {
            stores.add(fork);
            stores.add(exit);
        }
        ProcessEventsTable processEvents = new ProcessEventsTable(stores, new ExecutableIndex(), Running.sensor("process"));
        BpfProcessEventsTable bpfProcessEvents = new BpfProcessEventsTable(stores, new ExecutableIndex(), Running.sensor("process"));
        try (Session s = Engine.builder().addTable(processEvents).addTable(bpfProcessEvents).build().openSession()) {
            assertThat(s.query("SELECT cmdline FROM process_events").rows())
                    .containsExactly(List.of("/bin/sh -c exit 3 vigil-fixture-arg"));
            assertThat(s.query("SELECT syscall, count(*) FROM bpf_process_events GROUP BY syscall ORDER BY syscall").rows())
                    .containsExactly(List.of("execve", 1L), List.of("exit", 100L), List.of("fork", 100L));
        }
        assertThat(processEvents.counts()).isEqualTo(new EventStores.Counts(1, 0, 0));
        assertThat(bpfProcessEvents.counts()).isEqualTo(new EventStores.Counts(201, 2 * 25_900, 0));
    }

    @Test
    void expiredEventsAreCountedToo() throws Exception {
        ManualClock clock = new ManualClock();
        EventStores<ProcessEvent> stores = new EventStores<>(100, Duration.ofSeconds(60), clock, ProcessSensor.KINDS);
        stores.add(decoder.decode(ProcessRecordDecoderTest.fixture("exec-sh-exit3.bin")));
        clock.millis.addAndGet(61_000);
        stores.add(decoder.decode(ProcessRecordDecoderTest.fixture("fork-sh.bin")));
        assertThat(stores.counts()).isEqualTo(new EventStores.Counts(1, 0, 1));
    }

    @Test
    void vigilEventTablesAndVigilSensorsShowWhatWasLetGo() throws Exception {
        Requirements.requireBpf();
        String marker = "vigil-retention-" + UUID.randomUUID();
        SensorOptions options = SensorOptions.defaults().withEventLimits(200, Duration.ofHours(1))
                .withSensors(java.util.Set.of(ProcessSensor.NAME));
        try (SensorRuntime runtime = SensorRuntime.start(options, w -> { })) {
            Engine.Builder builder = Engine.builder();
            runtime.tables().forEach(builder::addTable);
            try (Session s = builder.build().openSession()) {
                Process marked = new ProcessBuilder("/bin/sh", "-c", "exit 0", marker).start();
                assertThat(marked.waitFor(10, TimeUnit.SECONDS)).isTrue();
                // subshells fork and exit without exec: 1,000 of each, five times the store of each kind
                Process flood = new ProcessBuilder("/bin/sh", "-c", "i=0; while [ $i -lt 1000 ]; do (:); i=$((i+1)); done").start();
                assertThat(flood.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String evicted = "SELECT evicted FROM vigil_event_tables WHERE name = 'bpf_process_events'";
                assertThat(Requirements.waitFor(() -> {
                    try {
                        return (Long) s.query(evicted).rows().getFirst().getFirst() >= 1600;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).isTrue();
                assertThat(s.query("SELECT count(*) FROM process_events WHERE cmdline LIKE '%" + marker + "'").rows())
                        .containsExactly(List.of(1L));
                assertThat(s.query("SELECT evicted >= 1600, expired FROM vigil_sensors WHERE sensor = 'process'").rows())
                        .containsExactly(List.of(1L, 0L));
                assertThat(s.query("SELECT kinds, events_max FROM vigil_event_tables WHERE name = 'process_events'").rows())
                        .containsExactly(List.of("exec", 200L));
            }
        }
    }
}
