/**
 * libbpf ({@code libbpf.so.1}, 1.x) through java.lang.foreign: open an ELF object from bytes ({@link
 * dev.vigil.bpf.BpfObject}), choose and load its programs, attach them ({@link dev.vigil.bpf.BpfLink}), read maps
 * ({@link dev.vigil.bpf.BpfMap}, per-CPU counters included) and ring buffers ({@link
 * dev.vigil.bpf.RingBufferReader}), and pick the hook kind this kernel supports ({@link
 * dev.vigil.bpf.FeatureProbe}). Nothing here is security-specific.
 *
 * <p>Errors: every failing native call becomes a {@link dev.vigil.bpf.BpfException} naming the operation, its
 * target and the errno; a missing kernel feature is an {@link dev.vigil.bpf.Unsupported} value. libbpf's own
 * messages go to the System.Logger {@code dev.vigil.bpf.libbpf}.
 *
 * <p>Ownership: the {@link dev.vigil.bpf.BpfObject} owns everything made from it and closes it in libbpf's order
 * (ring buffers, links, object, memory). The JVM needs {@code --enable-native-access} for this module.
 */
package dev.vigil.bpf;
