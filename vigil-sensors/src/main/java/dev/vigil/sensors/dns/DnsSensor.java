package dev.vigil.sensors.dns;

import dev.vigil.sensors.ProcessExecutables;
import dev.vigil.bpf.BpfException;
import dev.vigil.bpf.BpfObject;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.BpfSensor;
import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.WallClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Name lookups through glibc's getaddrinfo(3), gethostbyname(3) and gethostbyname2(3), by a uprobe and a
 * uretprobe on each, in every distinct libc mapped by a running process (dns.bpf.c). Libcs that appear later (a
 * container started afterwards) are found by a rescan every {@link #RESCAN_PERIOD} (or {@link #rescan()});
 * lookups in between are missed. Statically linked programs, musl and Go's own resolver never call glibc and are
 * not seen.
 */
public final class DnsSensor extends BpfSensor<DnsEvent> {
    private final ProcessExecutables executables = new ProcessExecutables();
    public static final String NAME = "dns";
    /** How often libcs mapped since the last scan are looked for. */
    public static final Duration RESCAN_PERIOD = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(DnsSensor.class.getName());
    private static final String[] LEGACY = {"gethostbyname", "gethostbyname2"};

    private final DnsRecordDecoder decoder = new DnsRecordDecoder(WallClock.now());
    private final LibcLocator locator;
    /** Inodes (file keys) attached to, and the paths used; guarded by the sensor's lock. */
    private final Set<Object> attachedKeys = new HashSet<>();
    private volatile List<Path> attached = List.of();
    private ScheduledExecutorService rescans;

    public DnsSensor(EventStore<DnsEvent> store, LibcLocator locator) {
        super(NAME, store);
        this.locator = locator;
    }

    public DnsSensor(EventStore<DnsEvent> store) {
        this(store, new LibcLocator());
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
        return List.of(HookKind.UPROBE);
    }

    @Override
    protected String probeTarget(HookKind kind) {
        return "getaddrinfo";
    }

    @Override
    protected void selectPrograms(BpfObject object, HookKind kind) {
    }

    @Override
    protected void attach(BpfObject object, HookKind kind) throws BpfException {
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
        object.program("getaddrinfo_enter").attachUprobe(libc.path(), "getaddrinfo", false, -1);
        object.program("getaddrinfo_exit").attachUprobe(libc.path(), "getaddrinfo", true, -1);
        attachedKeys.add(libc.fileKey());
        List<Path> paths = new ArrayList<>(attached);
        paths.add(libc.path());
        attached = List.copyOf(paths);
        for (String legacy : LEGACY) {
            try {
                object.program(legacy + "_enter").attachUprobe(libc.path(), legacy, false, -1);
                object.program("gethostbyname_exit").attachUprobe(libc.path(), legacy, true, -1);
            } catch (BpfException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
            }
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
