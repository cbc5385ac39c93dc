package dev.vigil.tables.files;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * osquery's {@code file} table: stat(2) of the files a query names by path (=, IN, LIKE) or directory. A path
 * that cannot be stat'ed gives no row and a warning; the statement still succeeds.
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
    static final Column BLOCK_SIZE = COLUMNS.integer("block_size", "Block size of filesystem");
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
            "SELECT * FROM file WHERE path LIKE '/etc/%'");

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) {
        Map<Long, Long> blockSizes = new HashMap<>();
        for (FileTarget target : FileTargets.resolve(ctx, PATH, DIRECTORY)) {
            FileStatus status;
            try {
                status = FileStatus.read(Path.of(target.path()));
            } catch (IOException | InvalidPathException e) {
                ctx.warn(FileErrors.describe(target.path(), e));
                continue;
            }
            Row row = new Row(SPEC)
                    .set(PATH, target.path())
                    .set(DIRECTORY, target.directory())
                    .set(FILENAME, target.filename())
                    .set(INODE, status.inode())
                    .set(UID, status.uid())
                    .set(GID, status.gid())
                    .set(MODE, status.permissions())
                    .set(DEVICE, status.rdev())
                    .set(SIZE, status.size())
                    .set(ATIME, status.atime())
                    .set(MTIME, status.mtime())
                    .set(CTIME, status.ctime())
                    .set(BTIME, status.btime())
                    .set(HARD_LINKS, status.hardLinks())
                    .set(SYMLINK, status.symlink())
                    .set(TYPE, status.type())
                    .set(SYMLINK_TARGET_PATH, status.symlinkTarget());
            if (ctx.isUsed(BLOCK_SIZE)) {
                row.set(BLOCK_SIZE, blockSizes.computeIfAbsent(status.device(), d -> blockSize(target.path())));
            }
            out.add(row);
        }
    }

    /**
     * The block size of the file system holding the file (statvfs(3)'s f_bsize), which is what the column
     * documents; java.nio does not expose stat(2)'s st_blksize, which equals it on common file systems.
     * Null when the file system cannot be asked.
     */
    private static Long blockSize(String path) {
        try {
            return Files.getFileStore(Path.of(path)).getBlockSize();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
