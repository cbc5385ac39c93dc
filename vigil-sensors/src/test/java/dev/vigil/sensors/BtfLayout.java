package dev.vigil.sensors;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Struct layouts of a compiled BPF object, read from its BTF with {@code bpftool btf dump file ... format raw}. */
public final class BtfLayout {
    private BtfLayout() {
    }

    /** Member name to byte offset of the struct. */
    public static Map<String, Integer> members(Path object, String struct) throws Exception {
        Process p = new ProcessBuilder("bpftool", "btf", "dump", "file", object.toString(), "format", "raw").start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, Integer> members = new HashMap<>();
        boolean inside = false;
        Pattern member = Pattern.compile("\\s+'(\\w+)' type_id=\\d+ bits_offset=(\\d+)");
        for (String line : out.split("\n")) {
            if (line.startsWith("[")) {
                inside = line.contains("STRUCT '" + struct + "'");
                continue;
            }
            Matcher m = member.matcher(line);
            if (inside && m.matches()) {
                members.put(m.group(1), Integer.parseInt(m.group(2)) / 8);
            }
        }
        assertThat(members).as("struct %s in %s", struct, object).isNotEmpty();
        return members;
    }
}
