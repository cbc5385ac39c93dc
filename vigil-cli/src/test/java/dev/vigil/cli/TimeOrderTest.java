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
    private final TimeOrder order = new TimeOrder(Duration.ofMillis(50), e -> out.add(e.kind()));

    @Test
    void anEventThatHappenedEarlierButArrivedLaterWithinTheWindowLeavesFirst() {
        order.offer(new Event("connect", 1_000 * MS), 0);
        order.offer(new Event("exec", 999 * MS), 10 * MS);
        assertThat(order.release(49 * MS)).isZero();
        assertThat(order.release(60 * MS)).isEqualTo(2);
        assertThat(out).containsExactly("exec", "connect");
    }

    @Test
    void eventsWaitTheWindowAfterTheyArriveAndNoLonger() {
        order.offer(new Event("a", 5 * MS), 0);
        order.offer(new Event("b", 6 * MS), 40 * MS);
        assertThat(order.release(50 * MS)).isEqualTo(1);
        assertThat(out).containsExactly("a");
        assertThat(order.release(89 * MS)).isZero();
        assertThat(order.release(90 * MS)).isEqualTo(1);
        assertThat(out).containsExactly("a", "b");
    }

    @Test
    void aLateEventIsPassedOnOutOfOrderNotDropped() {
        order.offer(new Event("later", 10 * MS), 0);
        order.release(100 * MS);
        order.offer(new Event("earlier", 1 * MS), 200 * MS);
        order.release(300 * MS);
        assertThat(out).containsExactly("later", "earlier");
    }

    @Test
    void equalTimesKeepTheirArrivalOrderAndFlushEmptiesEverything() {
        order.offer(new Event("first", 7 * MS), 0);
        order.offer(new Event("second", 7 * MS), 1);
        order.offer(new Event("zeroth", 3 * MS), 2);
        order.flush();
        assertThat(out).containsExactly("zeroth", "first", "second");
        order.flush();
        assertThat(out).hasSize(3);
    }
}
