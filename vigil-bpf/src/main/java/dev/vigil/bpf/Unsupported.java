package dev.vigil.bpf;

import java.util.Objects;

/**
 * A kernel or privilege feature this host lacks, as a value rather than an error: sensors report it in their
 * status and carry on. Also the "none" outcome of {@link FeatureProbe#choose}.
 *
 * @param feature       what is missing, such as {@code "kprobe"} or {@code "tracepoint syscalls/sys_enter_connect"}
 * @param reason        why, in words a user can act on
 */
public record Unsupported(String feature, String reason) implements HookChoice {
    public Unsupported {
        Objects.requireNonNull(feature);
        Objects.requireNonNull(reason);
    }

    @Override
    public String toString() {
        return feature + " unsupported: " + reason;
    }
}
