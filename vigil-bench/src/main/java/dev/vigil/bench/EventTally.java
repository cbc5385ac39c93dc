package dev.vigil.bench;

import dev.vigil.sensors.SensorEvent;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sensors.process.ProcessEvent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts the live events a benchmark workload caused: execs of a command by parent pid (the exec storm's workers
 * are the parents of its /bin/true children). A SensorRuntime listener: runs on the sensors' reader threads;
 * readable from any thread.
 */
final class EventTally implements Consumer<SensorEvent> {
    private final String execComm;
    private final Map<Integer, LongAdder> execsByParent = new ConcurrentHashMap<>();

    EventTally(String execComm) {
        this.execComm = execComm;
    }

    @Override
    public void accept(SensorEvent event) {
        if (event instanceof ProcessEvent p && p.type() == ProcessEvent.Kind.EXEC && p.comm().equals(execComm)) {
            execsByParent.computeIfAbsent(p.ppid(), k -> new LongAdder()).increment();
        }
    }

    long execsBy(Collection<Long> parents) {
        long n = 0;
        for (long parent : parents) {
            LongAdder count = execsByParent.get((int) parent);
            n += count == null ? 0 : count.sum();
        }
        return n;
    }

    /** Sums of the sensors' counters at one moment. */
    record Counters(long delivered, long dropped, long malformed) {
        static Counters of(List<SensorStatus> statuses) {
            long delivered = 0;
            long dropped = 0;
            long malformed = 0;
            for (SensorStatus s : statuses) {
                delivered += s.delivered();
                dropped += s.dropped();
                malformed += s.malformed();
            }
            return new Counters(delivered, dropped, malformed);
        }

        Counters minus(Counters earlier) {
            return new Counters(delivered - earlier.delivered, dropped - earlier.dropped, malformed - earlier.malformed);
        }
    }
}
