package dev.vigil.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code osqueryi --json} output: an array of objects, one per row, one row per line, every value a string and
 * NULL as "". Keys in column order.
 */
final class JsonRows {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonRows() {
    }

    static void print(List<String> columns, List<List<Object>> rows, PrintStream out) {
        out.println("[");
        for (int r = 0; r < rows.size(); r++) {
            out.print("  ");
            out.print(object(columns, rows.get(r)));
            out.println(r < rows.size() - 1 ? "," : "");
        }
        out.println("]");
    }

    /** One row as a compact JSON object. */
    static String object(List<String> columns, List<Object> row) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                g.writeStringField(columns.get(i), ResultPrinter.text(row.get(i), ""));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
