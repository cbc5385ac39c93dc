package dev.vigil.tables.process;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.Optional;

/** osquery's {@code process_memory_map}: one row per mapping in /proc/[pid]/maps. */
public final class ProcessMemoryMapTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.integer("pid", "Process (or thread) ID", Column.Flag.INDEX);
    static final Column START = COLUMNS.text("start", "Virtual start address (hex)");
    static final Column END = COLUMNS.text("end", "Virtual end address (hex)");
    static final Column PERMISSIONS = COLUMNS.text("permissions", "r=read, w=write, x=execute, p=private (cow)");
    static final Column OFFSET = COLUMNS.bigint("offset", "Offset into mapped path");
    static final Column DEVICE = COLUMNS.text("device", "MA:MI Major/minor device ID");
    static final Column INODE = COLUMNS.integer("inode", "Mapped path inode, 0 means uninitialized (BSS)");
    static final Column PATH = COLUMNS.text("path", "Path to mapped file or mapped type");
    static final Column PSEUDO = COLUMNS.integer("pseudo", "1 If path is a pseudo path, else 0");

    static final TableSpec SPEC = TableSpec.of("process_memory_map",
            "Process memory mapped files and pseudo device/regions.", COLUMNS,
            "SELECT * FROM process_memory_map WHERE pid = 1",
            "SELECT DISTINCT pid FROM process_memory_map WHERE path LIKE '%liblzma%'");

    private final Procfs procfs;

    public ProcessMemoryMapTable(HostPaths host) {
        this.procfs = new Procfs(host.proc());
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return procfs.unavailable();
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        for (long pid : procfs.pids(context, PID)) {
            String maps = procfs.readText(pid, "maps");
            if (maps == null) {
                continue;
            }
            for (MemoryMapping mapping : MemoryMapping.parse(maps)) {
                Row row = new Row(SPEC);
                row.set(PID, pid);
                row.set(START, "0x" + mapping.start());
                row.set(END, "0x" + mapping.end());
                row.set(PERMISSIONS, mapping.permissions());
                row.set(OFFSET, mapping.offset());
                row.set(DEVICE, mapping.device());
                row.set(INODE, mapping.inode());
                row.set(PATH, mapping.path());
                row.set(PSEUDO, mapping.pseudo());
                out.add(row);
            }
        }
    }
}
