package dev.vigil.cli;

import dev.vigil.sql.Engine;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Table;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.TreeSet;

/**
 * Tab completion for the shell: meta-commands at the start of a line, otherwise table names, column names and
 * common SQL keywords. Built once from the engine's specs; immutable.
 */
final class ShellCompleter implements Completer {
    static final List<String> META_COMMANDS = List.of(".all", ".exit", ".headers", ".help", ".mode", ".nullvalue",
            ".quit", ".schema", ".separator", ".show", ".tables", ".timer");
    private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE",
            "GLOB", "JOIN", "LEFT", "ON", "USING", "GROUP", "BY", "ORDER", "LIMIT", "HAVING", "DISTINCT", "COUNT", "AS",
            "UNION", "ALL", "IS", "NULL", "CASE", "WHEN", "THEN", "ELSE", "END", "DESC", "ASC");

    private final List<String> tables;
    private final List<String> columns;

    ShellCompleter(Engine engine) {
        this.tables = List.copyOf(engine.tables().keySet());
        TreeSet<String> names = new TreeSet<>();
        for (Table t : engine.tables().values()) {
            for (Column c : t.spec().columns()) {
                names.add(c.name());
            }
        }
        this.columns = List.copyOf(names);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0 && line.word().startsWith(".")) {
            META_COMMANDS.forEach(m -> candidates.add(new Candidate(m)));
            return;
        }
        tables.forEach(t -> candidates.add(new Candidate(t, t, "tables", null, null, null, true)));
        columns.forEach(c -> candidates.add(new Candidate(c, c, "columns", null, null, null, true)));
        KEYWORDS.forEach(k -> candidates.add(new Candidate(k, k, "keywords", null, null, null, true)));
    }
}
