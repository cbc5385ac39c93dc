package dev.vigil.sensors;

import dev.vigil.sensors.process.ProcessEventsTable;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tables carrying an osquery name have osquery's columns, types and hidden flags, in osquery's order. */
class OsquerySchemaTest {
    private static final Path SCHEMA = Path.of("/work/shared/osquery-linux-tables.json");

    @Test
    void processEventsMatchesOsquery() throws Exception {
        assertMatches(new ProcessEventsTable(new EventStore<>()));
    }

    static void assertMatches(Table table) throws Exception {
        assumeTrue(Files.exists(SCHEMA), "osquery schema file not present");
        TableSpec spec = table.spec();
        List<String> expected = osqueryColumns(Files.readString(SCHEMA), spec.name());
        List<String> actual = new ArrayList<>();
        for (Column c : spec.columns()) {
            actual.add(c.name() + " " + c.type().osqueryName() + (c.has(Column.Flag.HIDDEN) ? " hidden" : ""));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** "name type[ hidden]" for each column of the table in the schema JSON (a list of {"table", "columns"}). */
    private static List<String> osqueryColumns(String json, String table) {
        Matcher t = Pattern.compile("\"table\":\\s*\"" + table + "\"").matcher(json);
        assertThat(t.find()).as("table %s in schema", table).isTrue();
        int start = t.start();
        int columns = json.indexOf("\"columns\"", start);
        int end = json.indexOf(']', columns);
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\\s*\"name\":\\s*\"(\\w+)\",\\s*\"type\":\\s*\"(\\w+)\"(,\\s*\"hidden\":\\s*true)?[^}]*}")
                .matcher(json.substring(columns, end));
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2) + (m.group(3) != null ? " hidden" : ""));
        }
        return out;
    }
}
