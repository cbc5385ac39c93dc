package dev.vigil.tables.files;

import dev.vigil.os.HostFiles;
import dev.vigil.os.OsException;
import dev.vigil.os.RegularFile;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.RowSource;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.EnumSet;
import java.util.Map;

/**
 * osquery's {@code hash} table: digests of the regular files a query names by path (=, IN, LIKE) or directory.
 * Only the digests the statement reads are computed, in one streaming pass over the file. Directories and other
 * non-regular files are skipped without being opened; a path that cannot be read gives no row (a note under
 * --verbose), as in osquery.
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
            "SELECT path, sha256 FROM hash WHERE path LIKE '/usr/bin/%'").withRules(FileTargets.RULES
            + "\nThe hash table keeps regular files only (links followed); a `directory` pattern lists every match "
            + "that is a directory.");

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) throws Exception {
        RowSource.drain(rows(ctx), out);
    }

    /** Streams the rows: each file is opened and hashed only when its row is asked for. */
    @Override
    public RowSource open(QueryContext ctx) {
        return RowSource.of(rows(ctx));
    }

    private RowSource.RowSupplier rows(QueryContext ctx) {
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
        FileTargets targets = new FileTargets(ctx, PATH, DIRECTORY, PathPattern.Keep.ALL);
        return () -> {
            while (targets.hasNext()) {
                FileTarget target = targets.next();
                Map<FileDigests.Algorithm, String> digests;
                // only regular files, links followed (osquery: is_regular_file); a FIFO or device is never opened
                try (RegularFile file = HostFiles.openRegular(target.name(), true)) {
                    digests = FileDigests.of(file, wanted, ctx::checkCancelled);
                } catch (OsException e) {
                    ctx.note(e.getMessage());
                    continue;
                }
                return new Row(SPEC)
                        .set(PATH, target.path())
                        .set(DIRECTORY, target.directory())
                        .set(MD5, digests.get(FileDigests.Algorithm.MD5))
                        .set(SHA1, digests.get(FileDigests.Algorithm.SHA1))
                        .set(SHA256, digests.get(FileDigests.Algorithm.SHA256));
            }
            return null;
        };
    }
}
