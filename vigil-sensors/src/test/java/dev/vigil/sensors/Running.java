package dev.vigil.sensors;

import java.util.function.Supplier;

/** The status of a sensor that runs, for event tables built in tests without one. */
public final class Running {
    private Running() {
    }

    public static Supplier<SensorStatus> sensor(String name) {
        SensorStatus status = new SensorStatus(name, SensorStatus.State.RUNNING, null, "tp_btf", 0, 0, 0, 0, 0, 0);
        return () -> status;
    }
}
