package dev.vigil.cli;

import dev.vigil.sql.Engine;

/** Builds the engine a command on this host uses: every table and function found through ServiceLoader. */
final class HostEngine {
    private HostEngine() {
    }

    static Engine open() {
        return Engine.withServiceLoader();
    }
}
