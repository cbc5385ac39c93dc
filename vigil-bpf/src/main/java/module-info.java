/** libbpf through the FFM API: objects, links, ring buffers, maps, feature probes; needs native access. */
module dev.vigil.bpf {
    requires dev.vigil.os; // errno names

    exports dev.vigil.bpf;
}
