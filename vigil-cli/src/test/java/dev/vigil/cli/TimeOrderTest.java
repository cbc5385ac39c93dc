package dev.vigil.cli;

import dev.vigil.sensors.SensorEvent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderTest {
    private static final long MS = 1_000_000;

    private record Event(String kind, long monotonicNanos) implements SensorEvent {
        @Override
        public int pid() {
            return 1;
        }

        @Override
        public long timeNanos() {
            return monotonicNanos;
        }

        @Override
        public String comm() {
            return "test";
        }
    }

    private final List<String> out = new ArrayList<>();
    private final TimeOrder order = new TimeOrder(Duration.ofMillis(50), 1000);

    private int release(long now) {
        List<SensorEvent> due = order.due(now);
        due.forEach(e -> out.add(e.kind()));
        return due.size();
    }

    @Test
    void anEventThatHappenedEarlierButArrivedLaterWithinTheWindowLeavesFirst() {
        order.offer(new Event("connect", 1_000 * MS), 0);
        order.offer(new Event("exec", 999 * MS), 10 * MS);
        assertThat(release(49 * MS)).isZero();
        assertThat(release(60 * MS)).isEqualTo(2);
        assertThat(out).containsExactly("exec", "connect");
    }

    @Test
    void eventsWaitTheWindowAfterTheyArriveAndNoLonger() {
        order.offer(new Event("a", 5 * MS), 0);
        order.offer(new Event("b", 6 * MS), 40 * MS);
        assertThat(release(50 * MS)).isEqualTo(1);
        assertThat(out).containsExactly("a");
        assertThat(release(89 * MS)).isZero();
        assertThat(release(90 * MS)).isEqualTo(1);
        assertThat(out).containsExactly("a", "b");
    }

    @Test
    void aLateEventIsPassedOnOutOfOrderNotDropped() {
        order.offer(new Event("later", 10 * MS), 0);
        release(100 * MS);
        order.offer(new Event("earlier", 1 * MS), 200 * MS);
        release(300 * MS);
        assertThat(out).containsExactly("later", "earlier");
    }

    @Test
    void equalTimesKeepTheirArrivalOrderAndFlushEmptiesEverything() {
        order.offer(new Event("first", 7 * MS), 0);
        order.offer(new Event("second", 7 * MS), 1);
        order.offer(new Event("zeroth", 3 * MS), 2);
        order.drain().forEach(e -> out.add(e.kind()));
        assertThat(out).containsExactly("zeroth", "first", "second");
        order.drain().forEach(e -> out.add(e.kind()));
        assertThat(out).hasSize(3);
    }

    @Test
    void aFullQueueRefusesAndCountsInsteadOfGrowing() {
        TimeOrder small = new TimeOrder(Duration.ofMillis(50), 3);
        for (int i = 0; i < 10; i++) {
            small.offer(new Event("e" + i, i * MS), 0);
        }
        assertThat(small.refused()).isEqualTo(7);
        assertThat(small.drain()).extracting(SensorEvent::kind).containsExactly("e0", "e1", "e2");
        assertThat(small.offer(new Event("again", 0), 0)).isTrue();
    }
}
