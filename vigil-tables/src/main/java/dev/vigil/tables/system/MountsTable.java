package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * osquery's {@code mounts}: the mounts of /proc/mounts with their statvfs(3) block counts, which the JDK's
 * {@link FileStore} provides. The JDK does not expose inode counts, so {@code inodes} and {@code inodes_free}
 * stay NULL. autofs mounts are not measured (that would trigger the automount), nor are mounts this user cannot
 * stat; their block columns stay NULL.
 */
public final class MountsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column DEVICE = COLUMNS.text("device", "Mounted device");
    static final Column DEVICE_ALIAS = COLUMNS.text("device_alias", "Mounted device alias");
    static final Column PATH = COLUMNS.text("path", "Mounted device path");
    static final Column TYPE = COLUMNS.text("type", "Mounted device type");
    static final Column BLOCKS_SIZE = COLUMNS.bigint("blocks_size", "Block size in bytes (f_frsize)");
    static final Column BLOCKS = COLUMNS.bigint("blocks", "Size of the file system in blocks (f_blocks of statvfs)");
    static final Column BLOCKS_FREE = COLUMNS.bigint("blocks_free", "Free blocks (f_bfree)");
    static final Column BLOCKS_AVAILABLE = COLUMNS.bigint("blocks_available",
            "Free blocks available to unprivileged users (f_bavail)");
    static final Column INODES = COLUMNS.bigint("inodes",
            "Mounted device used inodes; not known to Vigil yet (always NULL)");
    static final Column INODES_FREE = COLUMNS.bigint("inodes_free",
            "Mounted device free inodes; not known to Vigil yet (always NULL)");
    static final Column FLAGS = COLUMNS.text("flags", "Mounted device flags");
    static final TableSpec SPEC = TableSpec.of("mounts",
            "System mounted devices and filesystems (not process specific).", COLUMNS,
            "SELECT device, path, type, blocks_size * blocks_available AS bytes_available FROM mounts "
                    + "WHERE path = '/'");

    private final HostPaths host;
    private final Path mountsFile;

    public MountsTable(HostPaths host) {
        this.host = host;
        this.mountsFile = host.proc().resolve("mounts");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("procfs mount list", mountsFile);
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        Optional<String> text = TextFiles.readIfExists(mountsFile);
        if (text.isEmpty()) {
            context.note(mountsFile + " does not exist");
            return;
        }
        boolean measure = context.isAnyUsed(BLOCKS_SIZE, BLOCKS, BLOCKS_FREE, BLOCKS_AVAILABLE);
        for (MountEntry mount : MountEntry.parseAll(text.get())) {
            Row row = new Row(SPEC);
            row.set(DEVICE, mount.device());
            row.set(DEVICE_ALIAS, alias(mount.device()));
            row.set(PATH, mount.path());
            row.set(TYPE, mount.type());
            row.set(FLAGS, mount.options());
            if (measure && !mount.type().equals("autofs")) {
                measure(host.resolve(mount.path()), row);
            }
            out.add(row);
        }
    }

    /**
     * The device with symbolic links resolved (/dev/disk/by-uuid/... to /dev/sda1), as a path of the host; null if
     * the device is not a path or cannot be resolved.
     */
    private String alias(String device) {
        if (!device.startsWith("/")) {
            return null;
        }
        try {
            Path real = host.resolve(device).toRealPath();
            if (host.isLive()) {
                return real.toString();
            }
            Path root = host.root().toRealPath();
            return real.startsWith(root) ? "/" + root.relativize(real) : real.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void measure(Path mountPoint, Row row) {
        try {
            FileStore store = Files.getFileStore(mountPoint);
            long blockSize = store.getBlockSize();
            if (blockSize <= 0) {
                return;
            }
            row.set(BLOCKS_SIZE, blockSize);
            row.set(BLOCKS, store.getTotalSpace() / blockSize);
            row.set(BLOCKS_FREE, store.getUnallocatedSpace() / blockSize);
            row.set(BLOCKS_AVAILABLE, store.getUsableSpace() / blockSize);
        } catch (IOException | RuntimeException e) {
            // Unreachable or vanished mount: its sizes stay unknown.
        }
    }
}
