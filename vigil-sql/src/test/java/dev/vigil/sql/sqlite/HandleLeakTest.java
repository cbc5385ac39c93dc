package dev.vigil.sql.sqlite;

import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every native-side handle a session creates (table bindings, cursors, SQL functions) is released when it closes:
 * a daemon opens sessions for ever.
 */
class HandleLeakTest {
    static final class Letters implements Table {
        private static final Columns COLUMNS = new Columns();
        static final Column LETTER = COLUMNS.text("letter", "One letter");
        static final TableSpec SPEC = TableSpec.of("letters", "Letters.", COLUMNS, "SELECT * FROM letters");

        @Override
        public TableSpec spec() {
            return SPEC;
        }

        @Override
        public void generate(QueryContext context, RowSink out) {
            for (char c = 'a'; c <= 'e'; c++) {
                out.add(new Row(SPEC).set(LETTER, String.valueOf(c)));
            }
            if (context.equalsText(LETTER).contains("boom")) {
                throw new IllegalStateException("boom");
            }
        }
    }

    private static int liveHandles() {
        return VirtualTableModule.liveHandles() + FunctionModule.liveHandles();
    }

    @Test
    void sessionsReleaseBindingsCursorsAndFunctions() throws Exception {
        Engine engine = Engine.builder().addTable(new Letters()).addServiceLoaderFunctions().build();
        assertThat(engine.functions()).hasSizeGreaterThan(20);
        try (Session warm = engine.openSession()) {
            warm.query("SELECT count(*) FROM letters");
        }
        int before = liveHandles();
        for (int i = 0; i < 10_000; i++) {
            try (Session s = engine.openSession()) {
                if (i % 100 == 0) {
                    assertThat(s.query("SELECT upper(sha256(letter)) FROM letters WHERE letter = 'a'").rows()).hasSize(1);
                }
            }
        }
        assertThat(liveHandles()).isEqualTo(before);
        for (int i = 0; i < 100; i++) {
            try (Session s = engine.openSession()) {
                assertThat(s.query("SELECT count(*) FROM letters a JOIN letters b ON a.letter = b.letter").rows())
                        .containsExactly(java.util.List.of(5L));
                assertThatThrownBy(() -> s.query("SELECT * FROM letters WHERE letter = 'boom'"))
                        .isInstanceOf(SqlException.class);
            }
        }
        assertThat(liveHandles()).isEqualTo(before);
    }
}
