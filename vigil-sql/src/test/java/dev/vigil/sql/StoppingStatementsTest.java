package dev.vigil.sql;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement stops on interrupt or timeout wherever its time goes: in SQLite's own loop, in a Java table that
 * works long between rows, in a SQL function; and a regular expression that backtracks for ever gives up by itself.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StoppingStatementsTest {
    private static final String FOREVER = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

    /** A table that walks for ever, checking for cancellation as a tree walk does, and finds nothing. */
    static final class Endless implements Table {
        private static final Columns COLUMNS = new Columns();
        static final Column X = COLUMNS.bigint("x", "Never produced");
        static final TableSpec SPEC = TableSpec.of("endless", "Never ends.", COLUMNS, "SELECT * FROM endless");

        @Override
        public TableSpec spec() {
            return SPEC;
        }

        @Override
        public void generate(QueryContext context, RowSink out) throws InterruptedException {
            while (true) {
                context.checkCancelled();
                Thread.sleep(1);
            }
        }
    }

    private Session session() throws SqlException {
        return Engine.builder().addTable(new Endless()).addServiceLoaderFunctions().build().openSession();
    }

    @Test
    void aTimeoutStopsSqliteJavaTablesAndFunctions() throws SqlException {
        try (Session s = session()) {
            s.setTimeout(Duration.ofMillis(300));
            for (String sql : List.of(FOREVER, "SELECT * FROM endless",
                    "SELECT regex_match(printf('%.40c', 'a'), '(.*a){12}b', 0)")) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> s.query(sql)).as(sql).isInstanceOf(SqlException.class)
                        .hasMessage("timed out: the query ran longer than its limit of 0.3 s");
                assertThat((System.nanoTime() - start) / 1_000_000).as(sql).isLessThan(5_000);
            }
            assertThat(s.query("SELECT 1").rows()).containsExactly(List.of(1L)); // and the session goes on
        }
    }

    @Test
    void anInterruptFromAnotherThreadStopsTheStatement() throws Exception {
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try (Session s = session()) {
            for (String sql : List.of(FOREVER, "SELECT * FROM endless")) {
                other.schedule(s::interrupt, 200, TimeUnit.MILLISECONDS);
                assertThatThrownBy(() -> s.query(sql)).hasMessage("interrupted");
            }
            s.interrupt(); // with nothing running: no effect on what comes next
            assertThat(s.query("SELECT 2").rows()).containsExactly(List.of(2L));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aCatastrophicRegexGivesUpByItself() throws SqlException {
        try (Session s = session()) {
            assertThatThrownBy(() -> s.query("SELECT regex_match(printf('%.40c', 'a'), '(.*a){12}b', 0)"))
                    .hasMessageContaining("regex_match(): the regular expression needed more than")
                    .hasMessageContaining("catastrophic backtracking");
            assertThat(s.query("SELECT regex_match('key=value', 'key=(\\w+)', 1)").rows())
                    .containsExactly(List.of("value"));
        }
    }
}
