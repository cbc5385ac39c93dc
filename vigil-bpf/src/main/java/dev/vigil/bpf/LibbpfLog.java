package dev.vigil.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Forwards libbpf's messages (libbpf_set_print) to the {@link System.Logger} named {@code dev.vigil.bpf.libbpf}:
 * libbpf's WARN as WARNING, INFO as DEBUG, DEBUG as TRACE. The va_list arrives as a pointer and is formatted
 * with vsnprintf(3).
 *
 * <p>The callback is process-global and its stub lives in the global arena for ever, since libbpf may call it
 * from any thread at any time. It never lets an exception escape (that would kill the JVM). The latest warnings
 * each thread caused are kept so that a failed load or attach can say what libbpf complained about.
 */
final class LibbpfLog {
    private static final System.Logger LOG = System.getLogger("dev.vigil.bpf.libbpf");
    private static final int LINE_MAX = 1024;
    private static final int RECENT_MAX = 2048;
    private static final ThreadLocal<StringBuilder> RECENT = ThreadLocal.withInitial(StringBuilder::new);
    private static final ThreadLocal<MemorySegment> BUFFER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(LINE_MAX));
    private static boolean installed;

    private LibbpfLog() {
    }

    /** Installs the forwarding callback once per process; later calls do nothing. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            MemorySegment stub = Linker.nativeLinker().upcallStub(
                    MethodHandles.lookup().findStatic(LibbpfLog.class, "print",
                            MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class)),
                    Libbpf.PRINT_FN, Arena.global());
            MemorySegment previous = (MemorySegment) Libbpf.SET_PRINT.invokeExact(stub);
            installed = true;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    /** Clears this thread's recent warnings; call before an operation whose failure should quote them. */
    static void clearRecent() {
        RECENT.get().setLength(0);
    }

    /** The warnings libbpf printed on this thread since {@link #clearRecent} (the last 2 KiB); may be empty. */
    static String recent() {
        return RECENT.get().toString();
    }

    /** The upcall: level is enum libbpf_print_level (0 WARN, 1 INFO, 2 DEBUG). */
    private static int print(int level, MemorySegment format, MemorySegment args) {
        try {
            System.Logger.Level javaLevel = switch (level) {
                case 0 -> System.Logger.Level.WARNING;
                case 1 -> System.Logger.Level.DEBUG;
                default -> System.Logger.Level.TRACE;
            };
            if (level != 0 && !LOG.isLoggable(javaLevel)) {
                return 0;
            }
            MemorySegment buffer = BUFFER.get();
            int n = (int) Libbpf.VSNPRINTF.invokeExact(buffer, (long) LINE_MAX, format, args);
            if (n < 0) {
                return 0;
            }
            String line = buffer.getString(0).stripTrailing();
            if (level == 0) {
                StringBuilder recent = RECENT.get();
                if (!recent.isEmpty()) {
                    recent.append("; ");
                }
                recent.append(line);
                if (recent.length() > RECENT_MAX) {
                    recent.delete(0, recent.length() - RECENT_MAX);
                }
            }
            LOG.log(javaLevel, line);
        } catch (Throwable ignored) {
            // Nothing may escape an upcall; a lost log line is the only cost.
        }
        return 0;
    }
}
