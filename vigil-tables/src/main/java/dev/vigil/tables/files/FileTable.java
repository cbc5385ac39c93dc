package dev.vigil.tables.files;

import dev.vigil.os.FileStat;
import dev.vigil.os.OsException;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.RowSource;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

/**
 * osquery's {@code file} table: stat(2) of the files a query names by path (=, IN, LIKE) or directory, chosen as
 * osquery chooses them ({@link FileTargets}, {@link PathPattern}) and read by their raw names. A path that cannot be
 * stat'ed gives no row, as in osquery, and a note under --verbose.
 */
public final class FileTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PATH = COLUMNS.text("path", "Absolute file path",
            Column.Flag.REQUIRED, Column.Flag.INDEX);
    static final Column DIRECTORY = COLUMNS.text("directory", "Directory of file(s)", Column.Flag.REQUIRED);
    static final Column FILENAME = COLUMNS.text("filename", "Name portion of file path");
    static final Column INODE = COLUMNS.bigint("inode", "Filesystem inode number");
    static final Column UID = COLUMNS.bigint("uid", "Owning user ID");
    static final Column GID = COLUMNS.bigint("gid", "Owning group ID");
    static final Column MODE = COLUMNS.text("mode", "Permission bits");
    static final Column DEVICE = COLUMNS.bigint("device", "Device ID (optional)");
    static final Column SIZE = COLUMNS.bigint("size", "Size of file in bytes");
    static final Column BLOCK_SIZE = COLUMNS.integer("block_size", "Block size of filesystem (stat's st_blksize)");
    static final Column ATIME = COLUMNS.bigint("atime", "Last access time");
    static final Column MTIME = COLUMNS.bigint("mtime", "Last modification time");
    static final Column CTIME = COLUMNS.bigint("ctime", "Last status change time");
    static final Column BTIME = COLUMNS.bigint("btime", "(B)irth or (cr)eate time");
    static final Column HARD_LINKS = COLUMNS.integer("hard_links", "Number of hard links");
    static final Column SYMLINK = COLUMNS.integer("symlink", "1 if the path is a symlink, otherwise 0");
    static final Column TYPE = COLUMNS.text("type", "File status");
    static final Column SYMLINK_TARGET_PATH = COLUMNS.text("symlink_target_path",
            "Full path of the symlink target if any");
    static final Column PID_WITH_NAMESPACE = COLUMNS.integer("pid_with_namespace",
            "Pids that contain a namespace", Column.Flag.HIDDEN);
    static final Column MOUNT_NAMESPACE_ID = COLUMNS.text("mount_namespace_id", "Mount namespace id",
            Column.Flag.HIDDEN);

    static final TableSpec SPEC = TableSpec.of("file", "Interactive filesystem attributes and metadata.", COLUMNS,
            "SELECT * FROM file WHERE path = '/etc/passwd'",
            "SELECT * FROM file WHERE directory = '/etc/'",
            "SELECT * FROM file WHERE path LIKE '/etc/%'").withRules(FileTargets.RULES);

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) throws Exception {
        RowSource.drain(rows(ctx), out);
    }

    /**
     * Streams the rows: the targets are chosen first (patterns expanded, in byte order) and each file is read only
     * when its row is asked for, so a walk of a whole tree holds its paths, not its rows.
     */
    @Override
    public RowSource open(QueryContext ctx) {
        return RowSource.of(rows(ctx));
    }

    private RowSource.RowSupplier rows(QueryContext ctx) {
        FileTargets targets = new FileTargets(ctx, PATH, DIRECTORY, PathPattern.Keep.DIRECTORIES);
        return () -> {
            while (targets.hasNext()) {
                FileTarget target = targets.next();
                try {
                    return row(target, FileStatus.read(target.name()));
                } catch (OsException e) {
                    ctx.note(e.getMessage()); // osquery gives no row and says nothing
                }
            }
            return null;
        };
    }

    private static Row row(FileTarget target, FileStatus status) {
        FileStat s = status.stat();
        return new Row(SPEC)
                .set(PATH, target.path())
                .set(DIRECTORY, target.directory())
                .set(FILENAME, target.filename())
                .set(INODE, s.inode())
                .set(UID, s.uid())
                .set(GID, s.gid())
                .set(MODE, status.permissions())
                .set(DEVICE, s.rdev())
                .set(SIZE, s.size())
                .set(BLOCK_SIZE, s.blockSize())
                .set(ATIME, s.atime())
                .set(MTIME, s.mtime())
                .set(CTIME, s.ctime())
                .set(BTIME, status.btime())
                .set(HARD_LINKS, s.hardLinks())
                .set(SYMLINK, status.symlink())
                .set(TYPE, status.type())
                .set(SYMLINK_TARGET_PATH, status.symlinkTarget());
    }
}
