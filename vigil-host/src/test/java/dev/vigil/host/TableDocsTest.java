package dev.vigil.host;

import dev.vigil.host.docs.TableDocs;
import dev.vigil.sql.Engine;
import dev.vigil.sql.spi.HostPaths;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/tables/ is generated from the specs and committed; this fails when a spec changed and the docs did not. */
class TableDocsTest {

    @Test
    void committedTableDocsMatchTheSpecs() throws Exception {
        Path dir = Path.of("..", "docs", "tables");
        List<String> stale = new ArrayList<>();
        try (HostEngine host = HostEngine.idle(HostPaths.live())) {
            Map<String, String> expected = TableDocs.render(host.engine().tables().values());
            for (var e : expected.entrySet()) {
                Path file = dir.resolve(e.getKey());
                if (!Files.exists(file) || !Files.readString(file).equals(e.getValue())) {
                    stale.add(e.getKey());
                }
            }
            assertThat(stale).as("stale pages in docs/tables: run ./vigil docs tables docs/tables").isEmpty();
        }
    }

    @Test
    void aPageDocumentsEveryColumnAndTheExample() throws Exception {
        try (Engine engine = Engine.builder().build()) {
            String page = TableDocs.render(engine.tables().values()).get("vigil_columns.md");
            assertThat(page).startsWith("# vigil_columns\n").contains("| `table_name` | text |", "```sql\nSELECT name");
        }
    }
}
