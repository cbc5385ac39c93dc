package dev.vigil.sensors.process;

import dev.vigil.sensors.BtfLayout;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder's offsets against struct exec_record and record_header as compiled (the object's BTF, via bpftool). */
class ProcessRecordLayoutTest {

    @Test
    void decoderOffsetsMatchTheCompiledStructs() throws Exception {
        Path object = Path.of("target/classes/bpf/process.bpf.o");
        Requirements.require(Files.exists(object), "process.bpf.o not built");
        Map<String, Integer> exec = BtfLayout.members(object, "exec_record");
        Map<String, Integer> header = BtfLayout.members(object, "record_header");
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
                .containsEntry("argv_len", ProcessRecordDecoder.EXEC_ARGV_LEN).containsEntry("file_mode", ProcessRecordDecoder.EXEC_FILE_MODE)
                .containsEntry("file_uid", ProcessRecordDecoder.EXEC_FILE_UID).containsEntry("file_gid", ProcessRecordDecoder.EXEC_FILE_GID)
                .containsEntry("file_ino", ProcessRecordDecoder.EXEC_FILE_INO).containsEntry("file_atime", ProcessRecordDecoder.EXEC_FILE_ATIME)
                .containsEntry("file_mtime", ProcessRecordDecoder.EXEC_FILE_MTIME).containsEntry("file_ctime", ProcessRecordDecoder.EXEC_FILE_CTIME)
                .containsEntry("file_dev", ProcessRecordDecoder.EXEC_FILE_DEV).containsEntry("data", ProcessRecordDecoder.EXEC_DATA);
    }
}
