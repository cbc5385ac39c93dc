package dev.vigil.sensors;

import dev.vigil.sensors.process.ProcessEventsTable;
import dev.vigil.sensors.socket.SocketEventsTable;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Table;
import dev.vigil.testkit.OsquerySchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables carrying an osquery name have osquery's column names and types, in osquery's order. */
class OsquerySchemaTest {
    private static final OsquerySchema OSQUERY = OsquerySchema.load();

    @Test
    void processEventsMatchesOsquery() {
        assertMatches(new ProcessEventsTable(new EventStore<>()));
    }

    @Test
    void socketEventsMatchesOsquery() {
        assertMatches(new SocketEventsTable(new EventStore<>()));
    }

    static void assertMatches(Table table) {
        OsquerySchema.TableSchema expected = OSQUERY.table(table.spec().name()).orElseThrow();
        List<String> actual = table.spec().columns().stream().map(c -> c.name() + " " + c.type().osqueryName()).toList();
        assertThat(actual).containsExactlyElementsOf(
                expected.columns().stream().map(c -> c.name() + " " + c.type()).toList());
        assertThat(table.spec().evented()).isEqualTo(expected.evented());
        assertThat(table.spec().columns().stream().filter(c -> c.has(Column.Flag.REQUIRED)).map(Column::name).toList())
                .containsExactlyInAnyOrderElementsOf(expected.required());
    }
}
