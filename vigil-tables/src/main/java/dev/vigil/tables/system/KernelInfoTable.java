package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.nio.file.Path;
import java.util.Optional;

/** osquery's {@code kernel_info}: the running kernel's release and command line, one row. */
public final class KernelInfoTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column VERSION = COLUMNS.text("version", "Kernel version");
    static final Column ARGUMENTS = COLUMNS.text("arguments", "Kernel arguments");
    static final Column PATH = COLUMNS.text("path", "Kernel path");
    static final Column DEVICE = COLUMNS.text("device", "Kernel device identifier");
    static final TableSpec SPEC = TableSpec.of("kernel_info", "Basic active kernel information.", COLUMNS,
            "SELECT version, arguments FROM kernel_info");

    private final Path procRoot;

    public KernelInfoTable(HostPaths host) {
        this.procRoot = host.proc();
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        Row row = new Row(SPEC);
        Optional<String> cmdline = TextFiles.readIfExists(procRoot.resolve("cmdline"));
        if (cmdline.isPresent()) {
            KernelCommandLine parsed = KernelCommandLine.parse(cmdline.get());
            row.set(ARGUMENTS, parsed.arguments());
            row.set(PATH, parsed.path());
            row.set(DEVICE, parsed.device());
        }
        TextFiles.readIfExists(procRoot.resolve("version"))
                .map(KernelCommandLine::releaseFromProcVersion)
                .ifPresent(release -> row.set(VERSION, release));
        out.add(row);
    }
}
