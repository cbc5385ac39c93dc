package dev.vigil.sql;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.text.RawText;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bytes that are not UTF-8 reach SQLite as themselves, and come back from it (constraints, results) unchanged. */
class RawTextSqlTest {
    static final String RAW = RawText.decode(new byte[]{'/', 't', (byte) 0xff, (byte) 0xfe});

    static final class Names implements Table {
        private static final Columns COLUMNS = new Columns();
        static final Column NAME = COLUMNS.text("name", "A name", Column.Flag.INDEX);
        static final TableSpec SPEC = TableSpec.of("names", "Names.", COLUMNS, "SELECT * FROM names");
        final List<String> asked = new ArrayList<>();

        @Override
        public TableSpec spec() {
            return SPEC;
        }

        @Override
        public void generate(QueryContext context, RowSink out) {
            asked.addAll(context.equalsText(NAME));
            out.add(new Row(SPEC).set(NAME, RAW));
            out.add(new Row(SPEC).set(NAME, "plain"));
        }
    }

    @Test
    void rawBytesRoundTripThroughSqlite() throws SqlException {
        Names names = new Names();
        try (Session s = Engine.builder().addTable(names).addServiceLoaderFunctions().build().openSession()) {
            assertThat(s.query("SELECT hex(name) FROM names").rows())
                    .containsExactly(List.of("2F74FFFE"), List.of("706C61696E"));
            assertThat(s.query("SELECT name FROM names WHERE name = CAST(x'2f74fffe' AS TEXT)").rows())
                    .containsExactly(List.of(RAW));
            assertThat(names.asked).containsExactly(RAW);
            assertThat(s.query("SELECT name FROM names WHERE name LIKE '/t%'").rows()).containsExactly(List.of(RAW));
            // a string built in Java with the escapes means the same bytes in SQL text
            assertThat(s.query("SELECT count(*) FROM names WHERE name = '" + RAW + "'").rows())
                    .containsExactly(List.of(1L));
            assertThat(s.query("SELECT length(CAST(name AS BLOB)) FROM names WHERE name = '" + RAW + "'").rows())
                    .containsExactly(List.of(4L));
        }
    }
}
