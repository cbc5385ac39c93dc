package dev.vigil.tables.files;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** file and hash through the SQL engine, as a user queries them. */
class FileSqlTest {
    /** osquery 5's schemas (osquery-linux-tables.json): name, type and flags of each column, in order. */
    private static final Map<String, List<String>> OSQUERY_SCHEMAS = Map.of(
            "file", List.of("path text required index", "directory text required", "filename text", "inode bigint",
                    "uid bigint", "gid bigint", "mode text", "device bigint", "size bigint", "block_size integer",
                    "atime bigint", "mtime bigint", "ctime bigint", "btime bigint", "hard_links integer",
                    "symlink integer", "type text", "symlink_target_path text", "pid_with_namespace integer hidden",
                    "mount_namespace_id text hidden"),
            "hash", List.of("path text required index", "directory text required", "md5 text", "sha1 text",
                    "sha256 text", "pid_with_namespace integer hidden", "mount_namespace_id text hidden"));

    private static Engine engine;
    private static Session session;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws SqlException {
        engine = Engine.withServiceLoader();
        session = engine.openSession();
    }

    @AfterAll
    static void close() {
        session.close();
        engine.close();
    }

    @Test
    void schemasAreOsquerys() throws SqlException {
        for (Map.Entry<String, List<String>> table : OSQUERY_SCHEMAS.entrySet()) {
            List<String> columns = new ArrayList<>();
            for (List<Object> c : session.query("SELECT name, type, required, indexed, hidden FROM vigil_columns"
                    + " WHERE table_name = '" + table.getKey() + "' ORDER BY position").rows()) {
                columns.add(c.get(0) + " " + c.get(1) + (c.get(2).equals(1L) ? " required" : "")
                        + (c.get(3).equals(1L) ? " index" : "") + (c.get(4).equals(1L) ? " hidden" : ""));
            }
            assertThat(columns).as(table.getKey()).isEqualTo(table.getValue());
        }
    }

    @Test
    void fileWithoutPathOrDirectoryIsAnError() {
        assertThatThrownBy(() -> session.query("SELECT * FROM file"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("file needs a WHERE constraint on path");
        assertThatThrownBy(() -> session.query("SELECT md5 FROM hash WHERE md5 = 'x'"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("hash needs a WHERE constraint on path");
    }

    @Test
    void likeIsPushedDownAndExpanded() throws Exception {
        Files.writeString(dir.resolve("one.conf"), "1");
        Files.writeString(dir.resolve("two.txt"), "22");
        Files.writeString(dir.resolve(".hidden.conf"), "3");

        QueryResult r = session.query("SELECT filename, size FROM file WHERE path LIKE '" + dir + "/%.conf'");

        assertThat(r.rows()).containsExactly(List.of("one.conf", 1L));
        assertThat(session.query("SELECT count(*) FROM file WHERE path LIKE '" + dir + "/%'").rows())
                .containsExactly(List.of(2L));
        assertThat(session.query("SELECT path FROM file WHERE path GLOB '" + dir + "/t*'").rows())
                .containsExactly(List.of(dir + "/two.txt"));
    }

    @Test
    void directoryAndInListAndJoinWithHash() throws Exception {
        byte[] content = "vigil-sql".getBytes();
        Files.write(dir.resolve("a"), content);
        Files.writeString(dir.resolve("b"), "b");
        Files.createDirectory(dir.resolve("sub"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        assertThat(session.query("SELECT filename, type FROM file WHERE directory = '" + dir + "' ORDER BY filename")
                .rows()).containsExactly(List.of("a", "regular"), List.of("b", "regular"), List.of("sub", "directory"));
        assertThat(session.query("SELECT count(*) FROM file WHERE path IN ('" + dir + "/a', '" + dir + "/b')")
                .rows()).containsExactly(List.of(2L));
        assertThat(session.query("SELECT f.filename, h.sha256 FROM file f JOIN hash h USING (path)"
                + " WHERE f.directory = '" + dir + "' AND f.filename = 'a'").rows())
                .containsExactly(List.of("a", sha256));
    }

    @Test
    void aMissingFileGivesNoRowsAndOnlyANote() throws SqlException {
        String missing = dir.resolve("missing").toString();

        QueryResult r = session.query("SELECT * FROM file WHERE path = '" + missing + "'");

        assertThat(r.rows()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.notes()).containsExactly("file: reading the status of " + missing + ": ENOENT (no such file or directory)");
    }
}
