package dev.vigil.cli;

import dev.vigil.sql.Engine;
import picocli.CommandLine;

/** {@code vigil --version}: Vigil's version, SQLite's and Java's. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "vigil " + (version == null ? "development build" : version),
            "sqlite " + Engine.sqliteVersion() + ", java " + Runtime.version()
        };
    }
}
