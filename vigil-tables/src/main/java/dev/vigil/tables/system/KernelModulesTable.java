package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * osquery's {@code kernel_modules}: the loaded modules of /proc/modules. A kernel built without module support
 * has no /proc/modules: the table is then unsupported and has no rows.
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

    private final Path modulesFile;

    public KernelModulesTable(HostPaths host) {
        this.modulesFile = host.proc().resolve("modules");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("kernel module support", modulesFile);
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        String text = TextFiles.readIfExists(modulesFile).orElse("");
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
