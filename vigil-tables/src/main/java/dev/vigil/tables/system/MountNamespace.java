package dev.vigil.tables.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The mount namespace of a process, from the {@code /proc/PID/ns/mnt} link ("mnt:[4026531841]", see namespaces(7)). */
public final class MountNamespace {

    private MountNamespace() {
    }

    /** The namespace's inode number as text ("4026531841"), or null if the process or link cannot be read. */
    public static String idOf(Path procRoot, long pid) {
        try {
            String target = Files.readSymbolicLink(procRoot.resolve(pid + "/ns/mnt")).toString();
            int open = target.indexOf('[');
            int close = target.indexOf(']');
            return open >= 0 && close > open ? target.substring(open + 1, close) : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
