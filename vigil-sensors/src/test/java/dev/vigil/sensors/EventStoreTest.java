package dev.vigil.sensors;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_000_000);

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void keepsAtMostEventsMaxUnderAStorm() {
        EventStore<String> store = new EventStore<>(1000, Duration.ofHours(1), new ManualClock());
        for (int i = 0; i < 100_000; i++) {
            store.add("e" + i);
        }
        assertThat(store.size()).isEqualTo(1000);
        assertThat(store.evicted()).isEqualTo(99_000);
        assertThat(store.all()).first().extracting(EventStore.Stored::event).isEqualTo("e99000");
        assertThat(store.all()).last().extracting(EventStore.Stored::eid).isEqualTo(100_000L);
    }

    @Test
    void expiresEventsOlderThanTheExpiry() {
        ManualClock clock = new ManualClock();
        EventStore<String> store = new EventStore<>(100, Duration.ofSeconds(60), clock);
        store.add("old");
        clock.millis.addAndGet(30_000);
        store.add("middle");
        clock.millis.addAndGet(31_000);
        store.add("new");
        assertThat(store.all()).extracting(EventStore.Stored::event).containsExactly("middle", "new");
        assertThat(store.expired()).isEqualTo(1);
        clock.millis.addAndGet(120_000);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void aNamedReaderGetsEachEventOnce() {
        EventStore<String> store = new EventStore<>(100, Duration.ofHours(1), new ManualClock());
        store.add("a");
        store.add("b");
        assertThat(store.since("q1")).extracting(EventStore.Stored::event).containsExactly("a", "b");
        assertThat(store.since("q1")).isEmpty();
        store.add("c");
        assertThat(store.since("q1")).extracting(EventStore.Stored::event).containsExactly("c");
        assertThat(store.since("q2")).extracting(EventStore.Stored::event).containsExactly("a", "b", "c");
        assertThat(store.all()).hasSize(3);
    }

    @Test
    void concurrentWritersAndReadersStayConsistent() throws Exception {
        EventStore<Integer> store = new EventStore<>(500, Duration.ofHours(1), Clock.systemUTC());
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200_000; i++) {
                store.add(i);
            }
        });
        long reads = 0;
        while (writer.isAlive()) {
            var all = store.all();
            assertThat(all.size()).isLessThanOrEqualTo(500);
            reads += store.since("reader").size();
        }
        writer.join();
        reads += store.since("reader").size();
        assertThat(reads).isLessThanOrEqualTo(200_000).isPositive();
        assertThat(store.size()).isEqualTo(500);
    }
}
