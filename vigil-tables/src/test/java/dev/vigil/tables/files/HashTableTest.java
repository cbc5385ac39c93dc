package dev.vigil.tables.files;

import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static dev.vigil.testkit.TableScan.eq;
import static dev.vigil.testkit.TableScan.like;
import static org.assertj.core.api.Assertions.assertThat;

class HashTableTest {
    private final HashTable table = new HashTable();

    @TempDir
    Path dir;

    @Test
    void digestsMatchMessageDigestOnAFileLargerThanTheBuffer() throws Exception {
        byte[] content = new byte[300_001];
        new Random(42).nextBytes(content);
        Path file = Files.write(dir.resolve("blob.bin"), content);

        TableScan scan = TableScan.of(table, List.of(eq(HashTable.PATH, file.toString())));

        assertThat(scan.warnings()).isEmpty();
        Row row = scan.rows().getFirst();
        assertThat(row.get(HashTable.DIRECTORY)).isEqualTo(dir.toString());
        assertThat(row.get(HashTable.MD5)).isEqualTo(hex("MD5", content));
        assertThat(row.get(HashTable.SHA1)).isEqualTo(hex("SHA-1", content));
        assertThat(row.get(HashTable.SHA256)).isEqualTo(hex("SHA-256", content));
        assertThat(row.get(HashTable.SHA256)).isEqualTo(FileTableTest.run("sha256sum", file.toString()).split(" ")[0]);
    }

    @Test
    void onlyTheDigestsTheQueryReadsAreComputed() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "vigil");

        Row row = TableScan.of(table, List.of(eq(HashTable.PATH, file.toString())),
                List.of(HashTable.PATH, HashTable.SHA1)).rows().getFirst();

        assertThat(row.get(HashTable.SHA1)).isEqualTo(hex("SHA-1", "vigil".getBytes()));
        assertThat(row.get(HashTable.MD5)).isNull();
        assertThat(row.get(HashTable.SHA256)).isNull();
    }

    @Test
    void directoryListingSkipsSubdirectories() throws Exception {
        Files.writeString(dir.resolve("a"), "a");
        Files.writeString(dir.resolve("b"), "b");
        Files.createDirectory(dir.resolve("sub"));

        TableScan byDirectory = TableScan.of(table, List.of(eq(HashTable.DIRECTORY, dir.toString())));
        TableScan byLike = TableScan.of(table, List.of(like(HashTable.PATH, dir + "/%")));

        assertThat(byDirectory.column(HashTable.PATH)).containsExactly(dir + "/a", dir + "/b");
        assertThat(byDirectory.column(HashTable.MD5)).containsExactly(hex("MD5", "a".getBytes()),
                hex("MD5", "b".getBytes()));
        assertThat(byLike.column(HashTable.PATH)).containsExactly(dir + "/a", dir + "/b");
        assertThat(byDirectory.warnings()).isEmpty();
    }

    @Test
    void missingPathsAndDirectoriesGiveNoRowAndANote() throws Exception {
        String missing = dir.resolve("nope").toString();

        TableScan scan = TableScan.of(table, List.of(eq(HashTable.PATH, missing), eq(HashTable.PATH, dir.toString())));

        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.notes()).containsExactly(
                "hash: opening " + dir + ": not a regular file (a directory)",
                "hash: opening " + missing + ": ENOENT (no such file or directory)");
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
