/** libbpf through the FFM API: objects, links, ring buffers, maps, feature probes; needs native access. */
module dev.vigil.bpf {
    exports dev.vigil.bpf;
}
