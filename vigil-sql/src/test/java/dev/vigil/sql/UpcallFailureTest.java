package dev.vigil.sql;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.RowSource;
import dev.vigil.sql.spi.SqlFunction;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An exception that escapes an upcall ends the JVM, so every failure a table, a cursor or a SQL function can raise,
 * including those that break the reporting itself, must come back as a SQL error on a connection that keeps
 * working. Each way to fail is chosen by name: an exception whose getMessage() throws, an OutOfMemoryError (whose
 * message building may fail again), a StackOverflowError, and an exception with no message.
 */
class UpcallFailureTest {

    /** Throws the named failure. */
    static RuntimeException fail(String how) {
        switch (how) {
            case "message-throws" -> throw new IllegalStateException() {
                @Override
                public String getMessage() {
                    throw new IllegalStateException("getMessage() itself fails");
                }

                @Override
                public String toString() {
                    throw new IllegalStateException("toString() itself fails");
                }
            };
            case "oom" -> throw new OutOfMemoryError("Java heap space");
            case "overflow" -> {
                return fail(how + "");
            }
            case "no-message" -> throw new UnsupportedOperationException();
            default -> throw new IllegalArgumentException("unknown failure " + how);
        }
    }

    private static final List<String> FAILURES = List.of("message-throws", "oom", "overflow", "no-message");

    /** A table failing in generate, in its row source's next() or in value(), as the query's WHERE asks. */
    static final class Troubled implements Table {
        private static final Columns COLUMNS = new Columns();
        static final Column WHERE = COLUMNS.text("failure_in", "generate, next or value");
        static final Column HOW = COLUMNS.text("how", "How to fail");
        static final TableSpec SPEC = TableSpec.of("troubled", "Fails on purpose.", COLUMNS, "SELECT * FROM troubled");

        @Override
        public TableSpec spec() {
            return SPEC;
        }

        @Override
        public void generate(QueryContext context, RowSink out) {
            throw new UnsupportedOperationException("open() is overridden");
        }

        @Override
        public RowSource open(QueryContext context) {
            String where = context.equalsText(WHERE).stream().findFirst().orElse("none");
            String how = context.equalsText(HOW).stream().findFirst().orElse("no-message");
            if (where.equals("generate")) {
                throw fail(how);
            }
            return new RowSource() {
                private int position;

                @Override
                public boolean next() {
                    if (where.equals("next") && position > 0) {
                        throw fail(how);
                    }
                    return position++ < 3;
                }

                @Override
                public Object value(int columnIndex) {
                    if (where.equals("value")) {
                        throw fail(how);
                    }
                    return columnIndex == 0 ? where : how;
                }
            };
        }
    }

    /** failing_function(HOW) fails the named way. */
    static final class FailingFunction implements SqlFunction {
        @Override
        public String name() {
            return "failing_function";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Object apply(Object[] args) {
            throw fail((String) args[0]);
        }

        @Override
        public String description() {
            return "fails on purpose";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "next", "value"})
    void everyTableFailureIsAnErrorAndTheSessionGoesOn(String where) throws SqlException {
        Engine engine = Engine.builder().addTable(new Troubled()).build();
        try (Session session = engine.openSession()) {
            for (String how : FAILURES) {
                assertThatThrownBy(() -> session.query(
                        "SELECT * FROM troubled WHERE failure_in = '" + where + "' AND how = '" + how + "'"))
                        .as(where + "/" + how).isInstanceOf(SqlException.class)
                        .hasMessageContaining(expected(how));
            }
            assertThat(session.query("SELECT count(*) FROM troubled WHERE failure_in = 'none'").rows())
                    .containsExactly(List.of(3L));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"message-throws", "oom", "overflow", "no-message"})
    void everyFunctionFailureIsAnErrorAndTheSessionGoesOn(String how) throws SqlException {
        Engine engine = Engine.builder().addFunction(new FailingFunction()).build();
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query("SELECT failing_function('" + how + "')"))
                    .isInstanceOf(SqlException.class).hasMessageContaining("failing_function(): ").hasMessageContaining(expected(how));
            assertThat(session.query("SELECT 41 + 1").rows()).containsExactly(List.of(42L));
        }
    }

    /** What the error message says for each failure. */
    private static String expected(String how) {
        return switch (how) {
            case "oom" -> "out of memory: Java heap space";
            case "overflow" -> "stack overflow";
            case "no-message" -> "UnsupportedOperationException";
            default -> "UpcallFailureTest$1";  // an exception whose getMessage throws is named by its class
        };
    }
}
