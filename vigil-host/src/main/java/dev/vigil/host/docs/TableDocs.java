package dev.vigil.host.docs;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code docs/tables/}: one Markdown page per table and an index, from the table specs alone (the one
 * source of truth). Deterministic: the same specs give byte-identical files.
 */
public final class TableDocs {
    private TableDocs() {
    }

    /** File name to content, for every table plus README.md. */
    public static Map<String, String> render(Collection<Table> tables) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("""
                # Tables

                Generated from the table specs by `./vigil docs tables docs/tables`; do not edit by hand.
                Tables that carry an osquery name have osquery's columns and meaning.

                | table | description |
                |---|---|
                """);
        for (Table table : tables) {
            TableSpec spec = table.spec();
            index.append("| [").append(spec.name()).append("](").append(spec.name()).append(".md) | ")
                    .append(escape(spec.description())).append(" |\n");
            files.put(spec.name() + ".md", page(spec));
        }
        files.put("README.md", index.toString());
        return files;
    }

    static String page(TableSpec spec) {
        StringBuilder sb = new StringBuilder("# ").append(spec.name()).append("\n\n").append(spec.description()).append("\n\n");
        if (spec.evented()) {
            sb.append("Evented: rows are events recorded by Vigil's sensors while the agent runs.\n\n");
        }
        List<String> required = spec.requiredColumns().stream().map(Column::name).toList();
        if (!required.isEmpty()) {
            sb.append("Required: a query must constrain ").append(String.join(" or ", required))
                    .append(" with `=`, `IN` or `LIKE`.\n\n");
        }
        sb.append("| column | type | description | notes |\n|---|---|---|---|\n");
        for (Column c : spec.columns()) {
            List<String> notes = new ArrayList<>();
            for (Column.Flag f : Column.Flag.values()) {
                if (c.has(f)) {
                    notes.add(f.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            sb.append("| `").append(c.name()).append("` | ").append(c.type().osqueryName()).append(" | ")
                    .append(escape(c.description())).append(" | ").append(String.join(", ", notes)).append(" |\n");
        }
        if (!spec.rules().isEmpty()) {
            sb.append("\n## How it reads the host\n\n").append(spec.rules()).append('\n');
        }
        if (!spec.examples().isEmpty()) {
            sb.append("\n## Examples\n\n");
            for (String example : spec.examples()) {
                sb.append("```sql\n").append(example.strip()).append("\n```\n");
            }
        }
        return sb.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Writes the pages into the directory, removing pages of tables that no longer exist. */
    public static void write(Collection<Table> tables, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> files = render(tables);
        try (var existing = Files.list(dir)) {
            for (Path p : existing.toList()) {
                if (p.getFileName().toString().endsWith(".md") && !files.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
