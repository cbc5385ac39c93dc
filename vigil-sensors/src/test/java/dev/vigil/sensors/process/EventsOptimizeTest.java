package dev.vigil.sensors.process;

import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.Running;
import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * osquery's events_optimize through SQL: a scheduled query sees each event once (only those newer than its
 * previous run), another scheduled query keeps its own position, and ad hoc queries see every retained event.
 * No root needed: events are put into the store by the test.
 */
class EventsOptimizeTest {

    private static ProcessEvent exec(int pid) {
        ProcessEvent.Image image = new ProcessEvent.Image("/usr/bin/true", "/", List.of("true", "run-" + pid), false, false, 1);
        return new ProcessEvent(ProcessEvent.Kind.EXEC, pid, 1_700_000_000_000_000_000L + pid, pid, pid, 1,
                ProcessEvent.Credentials.of(0, 0), 0, "true", image, null, null, null, null);
    }

    @Test
    void scheduledQueriesSeeEachEventOnce() throws Exception {
        EventStores<ProcessEvent> store = new EventStores<>(100, Duration.ofHours(1), Clock.systemUTC(), ProcessSensor.KINDS);
        for (int pid = 101; pid <= 103; pid++) {
            store.add(exec(pid));
        }
        try (Engine engine = Engine.builder().addTable(new ProcessEventsTable(store, new ExecutableIndex(), Running.sensor("process"))).build();
             Session session = engine.openSession()) {
            String sql = "SELECT pid FROM process_events ORDER BY pid";
            assertThat(session.queryScheduled(sql, "pack_a").rows()).hasSize(3);
            assertThat(session.queryScheduled(sql, "pack_a").rows()).isEmpty();
            store.add(exec(104));
            assertThat(session.queryScheduled(sql, "pack_a").rows()).containsExactly(List.of(104L));
            assertThat(session.queryScheduled(sql, "pack_b").rows()).hasSize(4);
            assertThat(session.query(sql).rows()).hasSize(4);
            assertThat(session.query(sql).rows()).hasSize(4);
        }
    }

    @Test
    void aRunSeesOneWindowHoweverOftenATableIsScanned() throws Exception {
        EventStores<ProcessEvent> store = new EventStores<>(100, Duration.ofHours(1), Clock.systemUTC(), ProcessSensor.KINDS);
        store.add(exec(201));
        store.add(exec(202));
        try (Engine engine = Engine.builder().addTable(new ProcessEventsTable(store, new ExecutableIndex(), Running.sensor("process")))
                .addTable(new BpfProcessEventsTable(store, new ExecutableIndex(), Running.sensor("process"))).build();
             Session session = engine.openSession()) {
            // process_events is the inner side of the join: SQLite scans it once per outer row.
            String join = "SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2) t CROSS JOIN process_events e";
            assertThat(session.queryScheduled(join, "pack_join").rows()).containsExactly(List.of(4L));
            assertThat(session.queryScheduled(join, "pack_join").rows()).containsExactly(List.of(0L));
            // Two tables over one store keep their own positions for the same scheduled query.
            String both = "SELECT (SELECT count(*) FROM process_events), (SELECT count(*) FROM bpf_process_events)";
            assertThat(session.queryScheduled(both, "pack_both").rows()).containsExactly(List.of(2L, 2L));
            store.add(exec(203));
            assertThat(session.queryScheduled(both, "pack_both").rows()).containsExactly(List.of(1L, 1L));
        }
    }
}
