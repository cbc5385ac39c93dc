package dev.vigil.sensors.dns;

import dev.vigil.bpf.BpfException;
import dev.vigil.bpf.BpfObject;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.BpfSensor;
import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.WallClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Name lookups through glibc's getaddrinfo(3), gethostbyname(3) and gethostbyname2(3), by a uprobe and a
 * uretprobe on each, in every distinct libc found mapped at start (dns.bpf.c). Libcs that appear later (a container started afterwards) are not covered; statically linked
 * programs, musl and Go's own resolver never call glibc and are not seen.
 */
public final class DnsSensor extends BpfSensor<DnsEvent> {
    public static final String NAME = "dns";
    private static final System.Logger LOG = System.getLogger(DnsSensor.class.getName());

    private final DnsRecordDecoder decoder = new DnsRecordDecoder(WallClock.now());
    private final LibcLocator locator;
    private volatile List<Path> attached = List.of();

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
        List<LibcLocator.Libc> libcs;
        try {
            libcs = locator.find();
        } catch (IOException e) {
            throw new UncheckedIOException("finding the C libraries in use", e);
        }
        List<Path> done = new ArrayList<>();
        BpfException last = null;
        for (LibcLocator.Libc libc : libcs) {
            try {
                object.program("getaddrinfo_enter").attachUprobe(libc.path(), "getaddrinfo", false, -1);
                object.program("getaddrinfo_exit").attachUprobe(libc.path(), "getaddrinfo", true, -1);
                done.add(libc.path());
                for (String legacy : new String[] {"gethostbyname", "gethostbyname2"}) {
                    try {
                        object.program(legacy + "_enter").attachUprobe(libc.path(), legacy, false, -1);
                        object.program("gethostbyname_exit").attachUprobe(libc.path(), legacy, true, -1);
                    } catch (BpfException e) {
                        LOG.log(System.Logger.Level.WARNING, e.getMessage());
                    }
                }
            } catch (BpfException e) {
                // One libc without getaddrinfo (or unreadable) must not stop the others.
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
                last = e;
            }
        }
        if (done.isEmpty()) {
            if (last != null) {
                throw last;
            }
            throw new IllegalStateException("no glibc (libc.so.6) is mapped by any running process");
        }
        attached = List.copyOf(done);
    }

    @Override
    protected DnsEvent decode(byte[] record) throws MalformedRecordException {
        DnsEvent event = decoder.decode(record);
        return event.withPath(executable(event.pid()));
    }

    private static String executable(int pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe")).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
