package dev.vigil.sql.sqlite;

/**
 * Creates the FFM downcall handles and upcall stubs (class initialisation of {@link Sqlite3},
 * {@link VirtualTableModule}, {@link FunctionModule}, {@link SqliteConnection}) on a background thread, so a
 * short-lived command overlaps that work (a few hundred milliseconds: each distinct native signature spins a
 * stub) with loading tables and parsing its arguments. Failures are not reported here: the first real use of
 * the engine reports them.
 */
public final class NativeWarmup {
    private static volatile boolean started;

    private NativeWarmup() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread.ofPlatform().daemon().name("vigil-native-warmup").start(() -> {
            try {
                Class.forName(SqliteConnection.class.getName(), true, NativeWarmup.class.getClassLoader());
                Class.forName(VirtualTableModule.class.getName(), true, NativeWarmup.class.getClassLoader());
                Class.forName(FunctionModule.class.getName(), true, NativeWarmup.class.getClassLoader());
            } catch (Throwable t) {
                // the engine's first use reports the same failure with its message
            }
        });
    }
}
