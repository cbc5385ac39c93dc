package dev.vigil.cli;

import dev.vigil.host.HostEngine;
import dev.vigil.host.docs.TableDocs;
import dev.vigil.sql.spi.HostPaths;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vigil docs tables DIR}: writes the table reference generated from the specs. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Generate reference documentation from the table specs: vigil docs tables docs/tables")
final class DocsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "What to generate: tables")
    String what;

    @Parameters(index = "1", paramLabel = "DIR", description = "Directory to write into")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("tables")) {
            System.err.println("vigil docs: unknown WHAT '" + what + "': use tables");
            return 2;
        }
        try (HostEngine host = HostEngine.idle(HostPaths.live())) {
            TableDocs.write(host.engine().tables().values(), dir);
            System.err.println("wrote " + (host.engine().tables().size() + 1) + " pages to " + dir);
        }
        return 0;
    }
}
