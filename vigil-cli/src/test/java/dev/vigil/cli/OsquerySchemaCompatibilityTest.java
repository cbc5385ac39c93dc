package dev.vigil.cli;

import dev.vigil.sql.Engine;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.testkit.OsquerySchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table Vigil serves under an osquery name has osquery's columns: the same names, in the same order, with
 * the same types, and the same required columns. Published query packs depend on it.
 */
class OsquerySchemaCompatibilityTest {

    @Test
    void tablesWithOsqueryNamesHaveOsquerysSchema() {
        OsquerySchema osquery = OsquerySchema.load();
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Engine engine = HostEngine.open()) {
            for (Table table : engine.tables().values()) {
                TableSpec spec = table.spec();
                osquery.table(spec.name()).ifPresent(expected -> {
                    checked.add(spec.name());
                    List<String> ours = spec.columns().stream()
                            .map(c -> c.name() + ":" + c.type().osqueryName()).toList();
                    List<String> theirs = expected.columns().stream().map(c -> c.name() + ":" + c.type()).toList();
                    if (!ours.equals(theirs)) {
                        problems.add(spec.name() + " columns\n  vigil:   " + ours + "\n  osquery: " + theirs);
                    }
                    List<String> required = spec.requiredColumns().stream().map(Column::name).toList();
                    if (!required.equals(expected.required())) {
                        problems.add(spec.name() + " required columns: vigil " + required + ", osquery " + expected.required());
                    }
                });
            }
        }
        assertThat(problems).as("tables that differ from osquery's schema").isEmpty();
        assertThat(checked).as("osquery-named tables checked").isNotNull();
    }
}
