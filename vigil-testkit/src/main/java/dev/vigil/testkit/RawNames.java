package dev.vigil.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Makes files whose names are arbitrary bytes (not UTF-8, control characters), which java.nio cannot name: the
 * shell's printf builds the name, in a directory whose own name is ASCII.
 */
public final class RawNames {
    private RawNames() {
    }

    /** The shell's printf escapes of the bytes: {@code \377\376}. */
    public static String printfEscapes(byte[] name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name) {
            sb.append(String.format("\\%03o", b & 0xff));
        }
        return sb.toString();
    }

    /** Runs a shell command in the directory with $N set to the raw name: e.g. {@code touch -- "$N"}. */
    public static void shell(Path directory, byte[] name, String command) throws IOException, InterruptedException {
        String script = "cd \"$1\" && N=\"$(printf '" + printfEscapes(name) + "')\" && " + command;
        Process p = new ProcessBuilder("/bin/sh", "-c", script, "sh", directory.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("sh -c '" + command + "' failed: " + out);
        }
    }

    /** Creates an empty regular file with the raw name in the directory. */
    public static void touch(Path directory, byte[] name) throws IOException, InterruptedException {
        shell(directory, name, "touch -- \"$N\"");
    }

    /** Creates a directory with the raw name in the directory. */
    public static void mkdir(Path directory, byte[] name) throws IOException, InterruptedException {
        shell(directory, name, "mkdir -- \"$N\"");
    }

    /** The bytes of a path: the directory's (ASCII) name, a slash and the raw name. */
    public static byte[] join(Path directory, byte[] name) {
        byte[] dir = directory.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[dir.length + 1 + name.length];
        System.arraycopy(dir, 0, out, 0, dir.length);
        out[dir.length] = '/';
        System.arraycopy(name, 0, out, dir.length + 1, name.length);
        return out;
    }
}
