package dev.vigil.sensors.process;

import dev.vigil.bpf.BpfException;
import dev.vigil.bpf.BpfObject;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.BpfSensor;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.WallClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exec, exit and fork of every process, from the scheduler tracepoints sched_process_exec, sched_process_exit
 * and sched_process_fork (process.bpf.c): BTF-typed (tp_btf) where the kernel has BTF, raw (raw_tp) otherwise.
 * Neither needs tracefs.
 *
 * <p>An exit carries the image (path, cwd, argv) of the process's last exec when the sensor saw it, or of its
 * parent when it only forked; the sensor remembers the images of up to {@value #IMAGES_MAX} live processes.
 *
 * <p>The executable's mode, owner and times come from its inode, read by the exec handler: they are the file that
 * ran, even if it was replaced or deleted a moment later. Its birth time, which inodes keep in file-system-specific
 * places, comes from a stat(2) of the path when that still names the same inode (device and inode number), remembered
 * per path for {@value #STAT_TTL_MILLIS} ms: an exec storm of one program costs ten stats a second, not one per exec.
 */
public final class ProcessSensor extends BpfSensor<ProcessEvent> {
    public static final String NAME = "process";
    /** The kinds of events, each kept in its own store. */
    public static final List<String> KINDS = List.of(ProcessEvent.Kind.EXEC.label(), ProcessEvent.Kind.EXIT.label(),
            ProcessEvent.Kind.FORK.label());
    static final int IMAGES_MAX = 65_536;
    private static final String[] EVENTS = {"exec", "exit", "fork"};
    static final long STAT_TTL_MILLIS = 100;
    private static final int STATS_MAX = 1024;

    /** What a stat(2) of a path said: its device, inode and birth time (null: none recorded), or null if gone. */
    record Birth(long device, long inode, Long btime) {
    }

    private record Stat(Birth birth, long readAtNanos) {
    }

    /** path -> its stat; touched by the reader thread only. */
    private final Map<String, Stat> stats = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stat> eldest) {
            return size() > STATS_MAX;
        }
    };

    private final ProcessRecordDecoder decoder = new ProcessRecordDecoder(WallClock.now());
    /** pid -> image; touched by the reader thread only. */
    private final Map<Integer, ProcessEvent.Image> images = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ProcessEvent.Image> eldest) {
            return size() > IMAGES_MAX;
        }
    };

    public ProcessSensor(EventStores<ProcessEvent> stores) {
        super(NAME, stores);
    }

    @Override
    protected String objectResource() {
        return "/bpf/process.bpf.o";
    }

    @Override
    protected List<HookKind> hookPreference() {
        return List.of(HookKind.TP_BTF, HookKind.RAW_TRACEPOINT);
    }

    @Override
    protected String probeTarget(HookKind kind) {
        return "sched/sched_process_exec";
    }

    @Override
    protected void selectPrograms(BpfObject object, HookKind kind) throws BpfException {
        for (String event : EVENTS) {
            object.program(event + "_btf").setAutoload(kind == HookKind.TP_BTF);
            object.program(event + "_raw").setAutoload(kind == HookKind.RAW_TRACEPOINT);
        }
    }

    @Override
    protected void attach(BpfObject object, HookKind kind) throws BpfException {
        for (String event : EVENTS) {
            if (kind == HookKind.TP_BTF) {
                object.program(event + "_btf").attach();
            } else {
                object.program(event + "_raw").attachRawTracepoint("sched_process_" + event);
            }
        }
    }

    @Override
    protected ProcessEvent decode(byte[] record) throws MalformedRecordException {
        ProcessEvent event = decoder.decode(record);
        return switch (event.type()) {
            case EXEC -> {
                images.put(event.pid(), event.image());
                ProcessEvent.ExecutableFile file = event.executable();
                yield file == null ? event : event.withExecutable(file.withBtime(btime(event.image().path(), file)));
            }
            case FORK -> {
                ProcessEvent.Image parent = images.get(event.pid());
                if (parent != null && event.childPid() != null) {
                    images.put(event.childPid(), parent);
                }
                yield event;
            }
            case EXIT -> {
                ProcessEvent.Image image = images.remove(event.pid());
                yield image == null ? event : event.withImage(image);
            }
        };
    }

    /** The executed file's birth time, if its path still names it. */
    private Long btime(String path, ProcessEvent.ExecutableFile file) {
        long now = System.nanoTime();
        Stat cached = stats.get(path);
        if (cached == null || now - cached.readAtNanos() >= STAT_TTL_MILLIS * 1_000_000) {
            cached = new Stat(stat(path), now);
            stats.put(path, cached);
        }
        Birth birth = cached.birth();
        return birth != null && birth.device() == file.device() && birth.inode() == file.inode() ? birth.btime() : null;
    }

    /** stat(2) of a path, not following a final symbolic link; null if it is gone. */
    static Birth stat(String path) {
        try {
            Map<String, Object> a = Files.readAttributes(Path.of(path), "unix:dev,ino,lastModifiedTime,creationTime",
                    LinkOption.NOFOLLOW_LINKS);
            FileTime mtime = (FileTime) a.get("lastModifiedTime");
            FileTime btime = (FileTime) a.get("creationTime");
            // without a birth time the JDK reports the modification time as the creation time, or the epoch where
            // statx(2) answers 0 (as stat -c %W prints)
            boolean unknown = btime.equals(mtime) || btime.toMillis() == 0;
            return new Birth((Long) a.get("dev"), (Long) a.get("ino"), unknown ? null : btime.toInstant().getEpochSecond());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
