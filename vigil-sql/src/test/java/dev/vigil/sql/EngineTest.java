package dev.vigil.sql;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineTest {
    private final RecordingTable numbers = new RecordingTable(100);
    private Engine engine;
    private Session session;

    /** A table with a required column, like osquery's file. */
    static final class RequiredTable implements Table {
        private static final Columns COLUMNS = new Columns();
        static final Column PATH = COLUMNS.text("path", "A path", Column.Flag.REQUIRED, Column.Flag.INDEX);
        static final Column SIZE = COLUMNS.bigint("size", "Its length");
        static final TableSpec SPEC = TableSpec.of("needs_path", "Rows only for the paths asked for.", COLUMNS,
                "SELECT * FROM needs_path WHERE path = '/etc/hosts'");

        @Override
        public TableSpec spec() {
            return SPEC;
        }

        @Override
        public void generate(QueryContext context, RowSink out) {
            for (String p : context.equalsText(PATH)) {
                out.add(new Row(SPEC).set(PATH, p).set(SIZE, (long) p.length()));
            }
            for (String p : context.likePatterns(PATH)) {
                out.add(new Row(SPEC).set(PATH, p.replace("%", "x")).set(SIZE, 0L));
            }
        }
    }

    /** A table whose generator fails, in one of several ways chosen by the query. */
    static final class FailingTable implements Table {
        private static final Columns COLUMNS = new Columns();
        static final Column HOW = COLUMNS.text("how", "How to fail");
        static final TableSpec SPEC = TableSpec.of("failing", "Fails on purpose.", COLUMNS, "SELECT * FROM failing");

        @Override
        public TableSpec spec() {
            return SPEC;
        }

        @Override
        public void generate(QueryContext context, RowSink out) {
            String how = context.equalsText(HOW).stream().findFirst().orElse("exception");
            switch (how) {
                case "overflow" -> recurse(0);
                case "error" -> throw new OutOfMemoryError("pretend we ran out");
                default -> throw new IllegalStateException("cannot read /proc/nothing: broken on purpose");
            }
        }

        private static int recurse(int n) {
            return recurse(n + 1) + 1;
        }
    }

    @BeforeEach
    void open() throws SqlException {
        engine = Engine.builder().addTable(numbers).addTable(new RequiredTable()).addTable(new FailingTable()).build();
        session = engine.openSession();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void selectsTypedValuesAndLeavesHiddenColumnsOut() throws SqlException {
        QueryResult r = session.query("SELECT * FROM numbers WHERE n <= 2");
        assertThat(r.columns()).containsExactly("n", "name", "half");
        assertThat(r.rows()).containsExactly(List.of(1L, "item-1", 0.5), List.of(2L, "item-2", 1.0));
        assertThat(session.query("SELECT secret FROM numbers WHERE n = 3").rows()).containsExactly(List.of("s3"));
    }

    @Test
    void equalityReachesTheGenerator() throws SqlException {
        session.query("SELECT n FROM numbers WHERE n = 42");
        QueryContext ctx = numbers.calls.getLast();
        assertThat(ctx.equalsLong(RecordingTable.N)).containsExactly(42L);
    }

    @Test
    void inListReachesTheGeneratorInOneCall() throws SqlException {
        QueryResult r = session.query("SELECT n FROM numbers WHERE n IN (3, 5, 7)");
        assertThat(r.rows()).extracting(row -> row.get(0)).containsExactlyInAnyOrder(3L, 5L, 7L);
        assertThat(numbers.calls).hasSize(1);
        assertThat(numbers.calls.getFirst().equalsLong(RecordingTable.N)).containsExactlyInAnyOrder(3L, 5L, 7L);
    }

    @Test
    void likeGlobAndComparisonsReachTheGenerator() throws SqlException {
        session.query("SELECT n FROM numbers WHERE name LIKE 'item-1%' AND name GLOB 'item-*' AND n > 5 AND n <= 20");
        QueryContext ctx = numbers.calls.getLast();
        assertThat(ctx.likePatterns(RecordingTable.NAME)).containsExactly("item-1%");
        assertThat(ctx.constraints()).extracting(Constraint::op)
                .contains(Constraint.Op.LIKE, Constraint.Op.GLOB, Constraint.Op.GT, Constraint.Op.LE);
    }

    @Test
    void joinHandsEachOuterValueToTheInnerGenerator() throws SqlException {
        QueryResult r = session.query(
                "SELECT p.path, p.size FROM (SELECT 'a' AS v UNION ALL SELECT 'bbb') t JOIN needs_path p ON p.path = t.v");
        assertThat(r.rows()).containsExactlyInAnyOrder(List.of("a", 1L), List.of("bbb", 3L));
    }

    @Test
    void unusedColumnsAreNotComputed() throws SqlException {
        session.query("SELECT n FROM numbers WHERE n = 1");
        assertThat(numbers.calls.getLast().isUsed(RecordingTable.NAME)).isFalse();
        session.query("SELECT name FROM numbers WHERE n = 1");
        assertThat(numbers.calls.getLast().isUsed(RecordingTable.NAME)).isTrue();
    }

    @Test
    void missingRequiredColumnNamesIt() {
        assertThatThrownBy(() -> session.query("SELECT * FROM needs_path"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("needs_path needs a WHERE constraint on path")
                .hasMessageContaining("WHERE path = '/etc/hosts'");
        assertThatThrownBy(() -> session.query("SELECT * FROM needs_path WHERE size = 3"))
                .hasMessageContaining("needs a WHERE constraint on path");
    }

    @Test
    void requiredColumnAcceptsEqualityInAndLike() throws SqlException {
        assertThat(session.query("SELECT size FROM needs_path WHERE path IN ('ab', 'abcd')").rows())
                .containsExactlyInAnyOrder(List.of(2L), List.of(4L));
        assertThat(session.query("SELECT path FROM needs_path WHERE path LIKE '/etc/%'").rows())
                .containsExactly(List.of("/etc/x"));
    }

    @Test
    void generatorFailuresBecomeSqlErrorsAndTheSessionStaysUsable() throws SqlException {
        assertThatThrownBy(() -> session.query("SELECT * FROM failing"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("failing: cannot read /proc/nothing: broken on purpose");
        assertThatThrownBy(() -> session.query("SELECT * FROM failing WHERE how = 'overflow'"))
                .hasMessageContaining("stack overflow");
        assertThatThrownBy(() -> session.query("SELECT * FROM failing WHERE how = 'error'"))
                .hasMessageContaining("pretend we ran out");
        assertThat(session.query("SELECT count(*) FROM numbers").rows()).containsExactly(List.of(100L));
    }

    @Test
    void badSqlUnknownTablesAndColumnsSaySo() {
        assertThatThrownBy(() -> session.query("SELEC 1")).hasMessageContaining("syntax error");
        assertThatThrownBy(() -> session.query("SELECT * FROM no_such_table")).hasMessageContaining("no such table: no_such_table");
        assertThatThrownBy(() -> session.query("SELECT nope FROM numbers")).hasMessageContaining("no such column: nope");
    }

    /** A table that, like the event tables, returns only the rows its equality constraints ask for. */
    static final class Pairs implements Table {
        private static final Columns COLUMNS = new Columns();
        static final Column A = COLUMNS.bigint("a", "First");
        static final Column B = COLUMNS.bigint("b", "Second");
        static final TableSpec SPEC = TableSpec.of("pairs", "Pairs.", COLUMNS, "SELECT * FROM pairs");

        @Override
        public TableSpec spec() {
            return SPEC;
        }

        @Override
        public void generate(QueryContext context, RowSink out) {
            long[][] rows = {{1, 9}, {5, 2}, {1, 2}};
            for (long[] r : rows) {
                boolean keep = context.equalsLong(A).stream().allMatch(v -> v == r[0])
                        && context.equalsLong(B).stream().allMatch(v -> v == r[1]);
                if (keep) {
                    out.add(new Row(SPEC).set(A, r[0]).set(B, r[1]));
                }
            }
        }
    }

    @Test
    void anOrOfTwoColumnsKeepsEveryRowOnce() throws SqlException {
        // SQLite may scan once per OR term and drop rows whose rowid it has already seen: ids follow from the row
        try (Session s = Engine.builder().addTable(new Pairs()).build().openSession()) {
            assertThat(s.query("SELECT a, b FROM pairs WHERE a = 1 OR b = 2 ORDER BY a, b").rows())
                    .containsExactly(List.of(1L, 2L), List.of(1L, 9L), List.of(5L, 2L));
            assertThat(s.query("SELECT count(*) FROM pairs WHERE a = 5 OR b = 9").rows()).containsExactly(List.of(2L));
        }
    }

    @Test
    void severalStatementsRunInOrder() throws SqlException {
        List<QueryResult> results = session.execute("SELECT 1; -- comment\n SELECT n FROM numbers WHERE n = 2;");
        assertThat(results).hasSize(2);
        assertThat(results.get(1).rows()).containsExactly(List.of(2L));
    }

    @Test
    void textRoundTripsUnicode() throws SqlException {
        assertThat(session.query("SELECT 'héllo ✓ 日本'").rows()).containsExactly(List.of("héllo ✓ 日本"));
    }

    @Test
    void introspectionTablesListEveryTableAndColumn() throws SqlException {
        assertThat(session.query("SELECT name FROM vigil_tables").rows()).extracting(r -> r.get(0))
                .contains("numbers", "needs_path", "vigil_tables", "vigil_columns");
        assertThat(session.query("SELECT name, type, required FROM vigil_columns WHERE table_name = 'needs_path'").rows())
                .containsExactly(List.of("path", "text", 1L), List.of("size", "bigint", 0L));
    }

    @Test
    void anUnsupportedTableHasNoRowsSaysWhyInANoteAndInVigilTables() throws SqlException {
        Table absent = new Table() {
            @Override
            public TableSpec spec() {
                return RequiredTable.SPEC.withRules("");
            }

            @Override
            public java.util.Optional<String> unsupported() {
                return java.util.Optional.of("no such subsystem here");
            }

            @Override
            public void generate(QueryContext context, RowSink out) {
                throw new AssertionError("an unsupported table is not scanned");
            }
        };
        try (Session s = Engine.builder().addTable(absent).build().openSession()) {
            QueryResult r = s.query("SELECT * FROM needs_path WHERE path = '/x'");
            assertThat(r.rows()).isEmpty();
            assertThat(r.warnings()).isEmpty();
            assertThat(r.notes()).containsExactly("needs_path: unsupported on this host: no such subsystem here");
            assertThat(s.query("SELECT supported, unsupported_reason FROM vigil_tables WHERE name = 'needs_path'").rows())
                    .containsExactly(List.of(0L, "no such subsystem here"));
            assertThat(s.query("SELECT supported, unsupported_reason FROM vigil_tables WHERE name = 'vigil_tables'").rows())
                    .containsExactly(java.util.Arrays.asList(1L, null));
        }
    }

    @Test
    void twoThreadsQueryAtOnce() throws Exception {
        RecordingTable big = new RecordingTable(20_000);
        Engine shared = Engine.builder().addTable(big).build();
        Callable<Long> work = () -> {
            long total = 0;
            try (Session s = shared.openSession()) {
                for (int i = 0; i < 20; i++) {
                    total += (Long) s.query("SELECT sum(n) FROM numbers WHERE name LIKE 'item-%'").rows().get(0).get(0);
                }
            }
            return total;
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Long> a = pool.submit(work);
            Future<Long> b = pool.submit(work);
            long expected = 20L * (20_000L * 20_001L / 2);
            assertThat(a.get()).isEqualTo(expected);
            assertThat(b.get()).isEqualTo(expected);
        }
    }
}
