package dev.vigil.tables.files;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * osquery's {@code hash} table: digests of the regular files a query names by path (=, IN, LIKE) or directory.
 * Only the digests the statement reads are computed, in one streaming pass over the file. Directories and other
 * non-regular files are skipped; a path that cannot be read gives no row and a warning.
 */
public final class HashTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PATH = COLUMNS.text("path", "Must provide a path or directory",
            Column.Flag.REQUIRED, Column.Flag.INDEX);
    static final Column DIRECTORY = COLUMNS.text("directory", "Must provide a path or directory",
            Column.Flag.REQUIRED);
    static final Column MD5 = COLUMNS.text("md5", "MD5 hash of provided filesystem data");
    static final Column SHA1 = COLUMNS.text("sha1", "SHA1 hash of provided filesystem data");
    static final Column SHA256 = COLUMNS.text("sha256", "SHA256 hash of provided filesystem data");
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace",
            "Pids that contain a namespace", Column.Flag.HIDDEN);
    static final Column MOUNT_NAMESPACE_ID = COLUMNS.text("mount_namespace_id", "Mount namespace id",
            Column.Flag.HIDDEN);

    static final TableSpec SPEC = TableSpec.of("hash", "Filesystem hash data.", COLUMNS,
            "SELECT * FROM hash WHERE path = '/etc/passwd'",
            "SELECT * FROM hash WHERE directory = '/etc/'",
            "SELECT path, sha256 FROM hash WHERE path LIKE '/usr/bin/%'");

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) {
        EnumSet<FileDigests.Algorithm> wanted = EnumSet.noneOf(FileDigests.Algorithm.class);
        if (ctx.isUsed(MD5)) {
            wanted.add(FileDigests.Algorithm.MD5);
        }
        if (ctx.isUsed(SHA1)) {
            wanted.add(FileDigests.Algorithm.SHA1);
        }
        if (ctx.isUsed(SHA256)) {
            wanted.add(FileDigests.Algorithm.SHA256);
        }
        for (FileTarget target : FileTargets.resolve(ctx, PATH, DIRECTORY)) {
            Map<FileDigests.Algorithm, String> digests;
            try {
                Path path = Path.of(target.path());
                if (!FileStatus.read(path).isRegularFile()) {
                    continue;
                }
                digests = FileDigests.of(path, wanted);
            } catch (IOException | InvalidPathException e) {
                ctx.warn(FileErrors.describe(target.path(), e));
                continue;
            }
            out.add(new Row(SPEC)
                    .set(PATH, target.path())
                    .set(DIRECTORY, target.directory())
                    .set(MD5, digests.get(FileDigests.Algorithm.MD5))
                    .set(SHA1, digests.get(FileDigests.Algorithm.SHA1))
                    .set(SHA256, digests.get(FileDigests.Algorithm.SHA256)));
        }
    }
}
