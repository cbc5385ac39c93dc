package dev.vigil.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * osquery 5.x's Linux table schemas (a copy of shared/osquery-linux-tables.json kept as a resource), the target
 * every Vigil table with an osquery name must match. Immutable once loaded.
 */
public final class OsquerySchema {

    public record ColumnSchema(String name, String type) {
    }

    public record TableSchema(String name, boolean evented, List<ColumnSchema> columns, List<String> required,
                              List<String> index) {
    }

    private final Map<String, TableSchema> tables;

    private OsquerySchema(Map<String, TableSchema> tables) {
        this.tables = tables;
    }

    public static OsquerySchema load() {
        try (InputStream in = OsquerySchema.class.getResourceAsStream("osquery-linux-tables.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, TableSchema> tables = new LinkedHashMap<>();
            for (JsonNode t : root.get("tables")) {
                List<ColumnSchema> columns = new ArrayList<>();
                for (JsonNode c : t.get("columns")) {
                    columns.add(new ColumnSchema(c.get("name").asText(), c.get("type").asText()));
                }
                tables.put(t.get("table").asText(), new TableSchema(t.get("table").asText(),
                        t.get("evented").asBoolean(), List.copyOf(columns), strings(t.get("required_columns")),
                        strings(t.get("index_columns"))));
            }
            return new OsquerySchema(Map.copyOf(tables));
        } catch (IOException e) {
            throw new UncheckedIOException("reading osquery-linux-tables.json", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    public Optional<TableSchema> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}
