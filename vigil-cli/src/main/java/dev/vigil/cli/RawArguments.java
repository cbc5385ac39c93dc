package dev.vigil.cli;

import dev.vigil.sql.text.RawText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments as the bytes they were: the JVM decodes argv with the locale's charset, so under
 * {@code LANG=C} (cron, systemd, env -i) a query naming a non-ASCII path arrives with U+FFFD where its bytes were.
 * Such arguments are read again from /proc/self/cmdline, whose last entries are the program's arguments, and
 * decoded keeping every byte ({@link RawText}).
 */
final class RawArguments {
    private RawArguments() {
    }

    /** The arguments, recovered byte for byte where the JVM could not decode them; as given otherwise. */
    static String[] recover(String[] args) {
        boolean lossy = false;
        for (String a : args) {
            if (a.indexOf('\uFFFD') >= 0) {
                lossy = true;
                break;
            }
        }
        if (!lossy) {
            return args;
        }
        try {
            List<String> raw = split(Files.readAllBytes(Path.of("/proc/self/cmdline")));
            if (raw.size() < args.length) {
                return args;
            }
            List<String> ours = raw.subList(raw.size() - args.length, raw.size());
            for (int i = 0; i < args.length; i++) {
                if (!sameApartFromUndecodable(args[i], ours.get(i))) {
                    return args; // not our arguments after all
                }
            }
            return ours.toArray(String[]::new);
        } catch (IOException | RuntimeException e) {
            return args;
        }
    }

    private static List<String> split(byte[] cmdline) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                out.add(RawText.decode(cmdline, start, i - start));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            out.add(RawText.decode(cmdline, start, cmdline.length - start));
        }
        return out;
    }

    /** True if the two agree wherever the JVM's decoding kept a character (its U+FFFD may stand for several bytes). */
    private static boolean sameApartFromUndecodable(String decoded, String raw) {
        String plain = decoded.replace("\uFFFD", "");
        StringBuilder rawPlain = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) {
                rawPlain.append(c);
            }
        }
        StringBuilder decodedAscii = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            if (plain.charAt(i) < 0x80) {
                decodedAscii.append(plain.charAt(i));
            }
        }
        return rawPlain.toString().contentEquals(decodedAscii);
    }
}
