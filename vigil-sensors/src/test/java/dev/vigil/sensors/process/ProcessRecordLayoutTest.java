package dev.vigil.sensors.process;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The decoder's offsets against struct exec_record and record_header as compiled (the object's BTF, via bpftool). */
class ProcessRecordLayoutTest {

    @Test
    void decoderOffsetsMatchTheCompiledStructs() throws Exception {
        Path object = Path.of("target/classes/bpf/process.bpf.o");
        assumeTrue(Files.exists(object), "process.bpf.o not built");
        Map<String, Integer> exec = members(object, "exec_record");
        Map<String, Integer> header = members(object, "record_header");
        assertThat(header).containsEntry("type", ProcessRecordDecoder.H_TYPE).containsEntry("flags", ProcessRecordDecoder.H_FLAGS)
                .containsEntry("size", ProcessRecordDecoder.H_SIZE).containsEntry("ktime_ns", ProcessRecordDecoder.H_KTIME)
                .containsEntry("tgid", ProcessRecordDecoder.H_TGID).containsEntry("tid", ProcessRecordDecoder.H_TID);
        assertThat(exec).containsEntry("ppid", ProcessRecordDecoder.EXEC_PPID).containsEntry("uid", ProcessRecordDecoder.EXEC_UID)
                .containsEntry("gid", ProcessRecordDecoder.EXEC_GID).containsEntry("euid", ProcessRecordDecoder.EXEC_EUID)
                .containsEntry("egid", ProcessRecordDecoder.EXEC_EGID).containsEntry("suid", ProcessRecordDecoder.EXEC_SUID)
                .containsEntry("sgid", ProcessRecordDecoder.EXEC_SGID).containsEntry("fsuid", ProcessRecordDecoder.EXEC_FSUID)
                .containsEntry("fsgid", ProcessRecordDecoder.EXEC_FSGID).containsEntry("auid", ProcessRecordDecoder.EXEC_AUID)
                .containsEntry("old_tid", ProcessRecordDecoder.EXEC_OLD_TID).containsEntry("cgroup_id", ProcessRecordDecoder.EXEC_CGROUP_ID)
                .containsEntry("start_ns", ProcessRecordDecoder.EXEC_START_NS).containsEntry("comm", ProcessRecordDecoder.EXEC_COMM)
                .containsEntry("path_len", ProcessRecordDecoder.EXEC_PATH_LEN).containsEntry("cwd_len", ProcessRecordDecoder.EXEC_CWD_LEN)
                .containsEntry("argv_len", ProcessRecordDecoder.EXEC_ARGV_LEN).containsEntry("path", ProcessRecordDecoder.EXEC_PATH)
                .containsEntry("cwd", ProcessRecordDecoder.EXEC_CWD).containsEntry("argv", ProcessRecordDecoder.EXEC_ARGV);
    }

    /** Member name to byte offset of a struct in the object's BTF (bpftool btf dump ... format raw). */
    static Map<String, Integer> members(Path object, String struct) throws Exception {
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
