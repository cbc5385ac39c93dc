package dev.vigil.tables.system;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The host's names: the kernel's host name (gethostname(2), /proc/sys/kernel/hostname) and its fully qualified
 * name. The FQDN is found as getaddrinfo(3) with AI_CANONNAME finds it through the "files" NSS source: the first
 * name of the hosts(5) line that lists the host name. No DNS query is made, so a name only DNS knows is not
 * found and the short name is used.
 */
public final class HostNames {

    private HostNames() {
    }

    /** The kernel's host name; empty if unreadable. */
    public static Optional<String> hostname(Path procRoot) {
        return TextFiles.readTrimmedQuietly(procRoot.resolve("sys/kernel/hostname")).filter(s -> !s.isEmpty());
    }

    /** The canonical name of {@code hostname} in an /etc/hosts text; the host name itself if none is listed. */
    public static String fullyQualified(String hostname, String etcHosts) {
        for (String raw : etcHosts.split("\n")) {
            int hash = raw.indexOf('#');
            String[] f = (hash >= 0 ? raw.substring(0, hash) : raw).trim().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                if (f[i].equalsIgnoreCase(hostname)) {
                    return f[1];
                }
            }
        }
        return hostname;
    }
}
