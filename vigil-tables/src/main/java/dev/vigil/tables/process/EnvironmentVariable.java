package dev.vigil.tables.process;

import dev.vigil.sql.text.RawText;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of /proc/[pid]/environ (proc_pid_environ(5)): the environment the process was started with, as
 * NUL-terminated "KEY=value" strings. Changes the process made to its environment later are not visible.
 *
 * @param key   the text before the first '=' (the whole entry if there is none)
 * @param value the text after the first '=' (empty if there is none)
 */
public record EnvironmentVariable(String key, String value) {

    /** Parses the file's bytes as UTF-8; empty entries are skipped. */
    public static List<EnvironmentVariable> parse(byte[] bytes) {
        List<EnvironmentVariable> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                if (i > start) {
                    String entry = RawText.decode(bytes, start, i - start);
                    int equals = entry.indexOf('=');
                    out.add(equals < 0 ? new EnvironmentVariable(entry, "")
                            : new EnvironmentVariable(entry.substring(0, equals), entry.substring(equals + 1)));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
