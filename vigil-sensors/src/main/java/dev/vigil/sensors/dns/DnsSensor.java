package dev.vigil.sensors.dns;

import dev.vigil.bpf.BpfException;
import dev.vigil.bpf.BpfObject;
import dev.vigil.bpf.BpfProgram;
import dev.vigil.bpf.ElfSymbols;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.BpfSensor;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.ProcessExecutables;
import dev.vigil.sensors.WallClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Name lookups through glibc's getaddrinfo(3), gethostbyname(3), gethostbyname2(3), gethostbyname_r and
 * gethostbyname2_r, by a uprobe and a uretprobe on each, in every distinct libc mapped by a running process
 * (dns.bpf.c): uprobe_multi links where the kernel has them (6.6+; cheaper per call), perf-event uprobes
 * otherwise. Libcs that appear later (a container started afterwards) are found by a rescan every
 * {@link #RESCAN_PERIOD} (or {@link #rescan()}); lookups in between are missed. Statically linked programs, musl
 * and Go's own resolver never call glibc and are not seen.
 */
public final class DnsSensor extends BpfSensor<DnsEvent> {
    private final ProcessExecutables executables = new ProcessExecutables();
    public static final String NAME = "dns";
    /** Its one kind of event. */
    public static final String KIND = "dns";
    /** How often libcs mapped since the last scan are looked for. */
    public static final Duration RESCAN_PERIOD = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(DnsSensor.class.getName());
    /** The gethostbyname family: each has its entry program ({name}_enter) and shares gethostbyname_exit. */
    private static final String[] LEGACY = {"gethostbyname", "gethostbyname2", "gethostbyname_r", "gethostbyname2_r"};

    private final DnsRecordDecoder decoder = new DnsRecordDecoder(WallClock.now());
    private final LibcLocator locator;
    /** Inodes (file keys) attached to, and the paths used; guarded by the sensor's lock. */
    private final Set<Object> attachedKeys = new HashSet<>();
    private volatile List<Path> attached = List.of();
    private ScheduledExecutorService rescans;
    /** Whether probes are uprobe_multi links (else perf-event uprobes); set when attaching, under the lock. */
    private boolean multi;

    public DnsSensor(EventStores<DnsEvent> stores, LibcLocator locator) {
        super(NAME, stores);
        this.locator = locator;
    }

    public DnsSensor(EventStores<DnsEvent> stores) {
        this(stores, new LibcLocator());
    }

    /** Its program reads gethostbyname(2)_r's sixth and seventh arguments where the x86-64 ABI puts them. */
    @Override
    protected String unsupportedBuild() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") || arch.equals("x86_64") ? null
                : "the DNS sensor is built for x86-64 only for now (this machine is " + arch + ")";
    }

    /** The libc paths the probes are attached to. */
    public List<Path> attachedLibcs() {
        return attached;
    }

    @Override
    protected String objectResource() {
        return "/bpf/dns.bpf.o";
    }

    @Override
    protected List<HookKind> hookPreference() {
        return List.of(HookKind.UPROBE_MULTI, HookKind.UPROBE);
    }

    @Override
    protected String probeTarget(HookKind kind) {
        return "getaddrinfo";
    }

    @Override
    protected void selectPrograms(BpfObject object, HookKind kind) throws BpfException {
        if (kind == HookKind.UPROBE_MULTI) {
            List<String> programs = new ArrayList<>(List.of("getaddrinfo_enter", "getaddrinfo_exit", "gethostbyname_exit"));
            for (String function : LEGACY) {
                programs.add(function + "_enter");
            }
            for (String program : programs) {
                object.program(program).setExpectedAttachType(BpfProgram.UPROBE_MULTI);
            }
        }
    }

    @Override
    protected void attach(BpfObject object, HookKind kind) throws BpfException {
        multi = kind == HookKind.UPROBE_MULTI;
        List<LibcLocator.Libc> libcs = findLibcs();
        BpfException last = null;
        for (LibcLocator.Libc libc : libcs) {
            try {
                attach(object, libc);
            } catch (BpfException e) {
                // One libc without getaddrinfo (or unreadable) must not stop the others.
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
                last = e;
            }
        }
        if (attachedKeys.isEmpty()) {
            if (last != null) {
                throw last;
            }
            throw new IllegalStateException("no glibc (libc.so.6) is mapped by any running process");
        }
    }

    /** Attaches to the libcs mapped since the last scan; returns how many were added. */
    public synchronized int rescan() throws BpfException {
        BpfObject object = object();
        if (object == null) {
            return 0;
        }
        int added = 0;
        for (LibcLocator.Libc libc : findLibcs()) {
            if (!attachedKeys.contains(libc.fileKey())) {
                attach(object, libc);
                added++;
            }
        }
        return added;
    }

    @Override
    protected void started() {
        rescans = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-dns-rescan").daemon().factory());
        rescans.scheduleWithFixedDelay(() -> {
            try {
                rescan();
            } catch (BpfException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "rescanning C libraries: " + e.getMessage());
            }
        }, RESCAN_PERIOD.toMillis(), RESCAN_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void stopping() {
        if (rescans != null) {
            rescans.shutdownNow();
            rescans = null;
        }
    }

    private void attach(BpfObject object, LibcLocator.Libc libc) throws BpfException {
        if (multi) {
            attachMulti(object, libc);
        } else {
            attachPerfUprobes(object, libc);
        }
        attachedKeys.add(libc.fileKey());
        List<Path> paths = new ArrayList<>(attached);
        paths.add(libc.path());
        attached = List.copyOf(paths);
    }

    /*
     * Return probes go first: an entry seen without its return would leave its thread's call pending, and the
     * thread's next lookups would be taken for calls inside it until it went stale (dns.bpf.c).
     */
    private void attachPerfUprobes(BpfObject object, LibcLocator.Libc libc) throws BpfException {
        object.program("getaddrinfo_exit").attachUprobe(libc.path(), "getaddrinfo", true, -1);
        object.program("getaddrinfo_enter").attachUprobe(libc.path(), "getaddrinfo", false, -1);
        for (String legacy : LEGACY) {
            try {
                object.program("gethostbyname_exit").attachUprobe(libc.path(), legacy, true, -1);
                object.program(legacy + "_enter").attachUprobe(libc.path(), legacy, false, -1);
            } catch (BpfException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
            }
        }
    }

    /** One uprobe_multi link per program: getaddrinfo's pair, and the gethostbyname family's entries and shared return. */
    private void attachMulti(BpfObject object, LibcLocator.Libc libc) throws BpfException {
        Map<String, Long> offsets;
        try {
            Set<String> functions = new HashSet<>(List.of(LEGACY));
            functions.add("getaddrinfo");
            offsets = ElfSymbols.functionOffsets(libc.path(), functions);
        } catch (IOException e) {
            throw new BpfException("reading the symbols of", libc.path().toString(), 5 /* EIO */, e.getMessage());
        }
        Long getaddrinfo = offsets.get("getaddrinfo");
        if (getaddrinfo == null) {
            throw new BpfException("attaching uprobe_multi", "getaddrinfo to " + libc.path(), 2 /* ENOENT */,
                    "the library defines no getaddrinfo");
        }
        // return probes first, as in attachPerfUprobes
        object.program("getaddrinfo_exit").attachUprobeMulti(libc.path(), new long[] {getaddrinfo}, true);
        object.program("getaddrinfo_enter").attachUprobeMulti(libc.path(), new long[] {getaddrinfo}, false);
        Map<String, Long> legacy = new LinkedHashMap<>();
        for (String function : LEGACY) {
            Long offset = offsets.get(function);
            if (offset == null) {
                LOG.log(System.Logger.Level.WARNING, libc.path() + " defines no " + function);
            } else {
                legacy.put(function, offset);
            }
        }
        if (!legacy.isEmpty()) {
            object.program("gethostbyname_exit").attachUprobeMulti(libc.path(),
                    legacy.values().stream().mapToLong(Long::longValue).toArray(), true);
        }
        for (Map.Entry<String, Long> function : legacy.entrySet()) {
            object.program(function.getKey() + "_enter")
                    .attachUprobeMulti(libc.path(), new long[] {function.getValue()}, false);
        }
    }

    private List<LibcLocator.Libc> findLibcs() {
        try {
            return locator.find();
        } catch (IOException e) {
            throw new UncheckedIOException("finding the C libraries in use", e);
        }
    }

    @Override
    protected DnsEvent decode(byte[] record) throws MalformedRecordException {
        DnsEvent event = decoder.decode(record);
        return event.withPath(executables.path(event.pid(), event.comm()));
    }

}
