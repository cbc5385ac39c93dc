package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.nio.file.Path;

/**
 * osquery's {@code kernel_modules}: the loaded modules of /proc/modules. A kernel built without module support
 * has no /proc/modules, and the table no rows.
 */
public final class KernelModulesTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column NAME = COLUMNS.text("name", "Module name");
    static final Column SIZE = COLUMNS.bigint("size", "Size of module content");
    static final Column USED_BY = COLUMNS.text("used_by", "Module reverse dependencies");
    static final Column STATUS = COLUMNS.text("status", "Kernel module status");
    static final Column ADDRESS = COLUMNS.text("address", "Kernel module address");
    static final TableSpec SPEC = TableSpec.of("kernel_modules",
            "Linux kernel modules both loaded and within the load search path.", COLUMNS,
            "SELECT name, size, used_by FROM kernel_modules WHERE status = 'Live'");

    private final Path procRoot;

    public KernelModulesTable() {
        this(Path.of("/proc"));
    }

    /** For tests: a fixture directory standing for /proc. */
    KernelModulesTable(Path procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        String text = TextFiles.readIfExists(procRoot.resolve("modules")).orElse("");
        for (KernelModule module : KernelModule.parseAll(text)) {
            Row row = new Row(SPEC);
            row.set(NAME, module.name());
            row.set(SIZE, module.size());
            row.set(USED_BY, module.usedBy());
            row.set(STATUS, module.status());
            row.set(ADDRESS, module.address());
            out.add(row);
        }
    }
}
