package dev.vigil.tables.system;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine hardware name of uname(2) ({@code uname -m}: x86_64, aarch64 ...). Read from
 * /proc/sys/kernel/arch (Linux 6.1 and later); on older kernels derived from the JVM's os.arch, whose names
 * differ for some machines (amd64 is x86_64).
 */
public final class MachineArchitecture {

    private MachineArchitecture() {
    }

    public static String of(Path procRoot) {
        return TextFiles.readTrimmedQuietly(procRoot.resolve("sys/kernel/arch"))
                .filter(s -> !s.isEmpty())
                .orElseGet(() -> fromJavaName(System.getProperty("os.arch", "")));
    }

    static String fromJavaName(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386" -> "i686";
            case "arm64" -> "aarch64";
            default -> osArch;
        };
    }
}
