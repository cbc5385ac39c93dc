package dev.vigil.sensors.dns;

import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorProvider;

import java.util.List;

/** The DNS sensor with dns_lookup_events. */
public final class DnsSensorProvider implements SensorProvider {
    @Override
    public String name() {
        return DnsSensor.NAME;
    }

    @Override
    public Instance create(SensorOptions options, ExecutableIndex executables) {
        EventStores<DnsEvent> stores = new EventStores<>(options, List.of(DnsSensor.KIND));
        DnsSensor sensor = new DnsSensor(stores);
        return new Instance(sensor, List.of(new DnsLookupEventsTable(stores, executables, sensor::status)));
    }
}
