package dev.vigil.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQL reaches Vigil from people and fleet servers and runs as root: the paths by which SQLite itself touches
 * native memory or the file system are closed, and each refusal says what was refused.
 */
class SqlPolicyTest {
    private Session session;

    @BeforeEach
    void open() throws SqlException {
        session = Engine.builder().addTable(new RecordingTable(10)).addServiceLoaderFunctions().build().openSession();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void fts3TokenizerCannotLeakOrPlantAPointer() {
        // The one-argument form returned a libsqlite3 address; the two-argument form installed a forged tokenizer
        // that an fts3 table then called: SIGSEGV, or code execution with a crafted blob.
        assertThatThrownBy(() -> session.query("SELECT hex(fts3_tokenizer('simple'))"))
                .hasMessageContaining("fts3_tokenizer() is not allowed");
        assertThatThrownBy(() -> session.execute("SELECT fts3_tokenizer('evil', x'4141414141414141'); "
                + "CREATE VIRTUAL TABLE f USING fts3(tokenize=evil); INSERT INTO f VALUES('a b')"))
                .hasMessageContaining("fts3_tokenizer() is not allowed");
        assertThatThrownBy(() -> session.query("CREATE VIRTUAL TABLE f USING fts3(tokenize=simple)"))
                .hasMessageContaining("CREATE VIRTUAL TABLE is not allowed");
        assertThatThrownBy(() -> session.query("CREATE VIRTUAL TABLE r USING rtree(id, a, b)"))
                .hasMessageContaining("CREATE VIRTUAL TABLE is not allowed");
    }

    @Test
    void noDatabaseFileIsCreatedOrOpened(@TempDir Path dir) {
        Path attached = dir.resolve("attached.db");
        Path vacuumed = dir.resolve("vacuumed.db");
        assertThatThrownBy(() -> session.query("ATTACH '" + attached + "' AS x"))
                .hasMessageContaining("ATTACH and DETACH are not allowed");
        assertThatThrownBy(() -> session.query("VACUUM INTO '" + vacuumed + "'")).isInstanceOf(SqlException.class);
        assertThatThrownBy(() -> session.query("SELECT load_extension('/tmp/x.so')"))
                .hasMessageContaining("load_extension() is not allowed");
        assertThat(attached).doesNotExist();
        assertThat(vacuumed).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void onlyPragmasThatReportAreAllowed() throws SqlException {
        assertThat(session.query("PRAGMA table_info(numbers)").rows()).extracting(r -> r.get(1))
                .containsExactly("n", "name", "half");
        assertThat(session.query("SELECT count(*) > 0 FROM pragma_function_list").rows()).containsExactly(List.of(1L));
        assertThatThrownBy(() -> session.query("PRAGMA writable_schema = 1"))
                .hasMessageContaining("PRAGMA writable_schema is not allowed");
        assertThatThrownBy(() -> session.query("PRAGMA trusted_schema = 1"))
                .hasMessageContaining("PRAGMA trusted_schema is not allowed");
        assertThatThrownBy(() -> session.query("PRAGMA temp_store_directory = '/tmp'"))
                .hasMessageContaining("is not allowed");
    }

    @Test
    void viewsAndTemporaryTablesStillWorkWithHostTablesAndFunctions() throws SqlException {
        session.execute("CREATE TEMP VIEW odd AS SELECT n, regex_match(name, '([0-9]+)', 1) AS digits FROM numbers "
                + "WHERE n % 2 = 1; CREATE TEMP TABLE kept AS SELECT * FROM odd");
        assertThat(session.query("SELECT digits FROM kept WHERE n = 7").rows()).containsExactly(List.of("7"));
        assertThat(session.query("SELECT count(*) FROM odd").rows()).containsExactly(List.of(5L));
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a native loop ignores interrupts
    void aNulCharacterIsAnErrorNotAnEndlessLoop() throws SqlException {
        assertThatThrownBy(() -> session.execute("select 1;\0"))
                .hasMessageContaining("NUL character at position 10");
        assertThatThrownBy(() -> session.execute("select 1\0; select 2"))
                .hasMessageContaining("NUL character at position 9");
        assertThat(session.execute("select 1; -- only a comment after this")).hasSize(1);
        assertThat(session.execute("  ;  ; ")).isEmpty();
    }

    @Test
    void theAuthorizerIsPerConnectionStateFree(@TempDir Path dir) throws Exception {
        // a refusal on one statement leaves the next one alone
        assertThatThrownBy(() -> session.query("ATTACH '" + dir.resolve("a.db") + "' AS a"));
        assertThat(session.query("SELECT 1").rows()).containsExactly(List.of(1L));
        assertThatThrownBy(() -> session.query("SELEC 1")).hasMessageContaining("syntax error")
                .hasMessageNotContaining("ATTACH");
        assertThat(Files.list(dir)).isEmpty();
    }
}
