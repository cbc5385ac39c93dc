package dev.vigil.sensors.dns;

import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorProvider;

import java.time.Clock;
import java.util.List;

/** The DNS sensor with dns_lookup_events. */
public final class DnsSensorProvider implements SensorProvider {
    @Override
    public String name() {
        return DnsSensor.NAME;
    }

    @Override
    public Instance create(SensorOptions options, ExecutableIndex executables) {
        EventStore<DnsEvent> store = new EventStore<>(options.eventsMax(), options.eventsExpiry(), Clock.systemUTC());
        return new Instance(new DnsSensor(store), List.of(new DnsLookupEventsTable(store, executables)));
    }
}
