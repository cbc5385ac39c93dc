package dev.vigil.bpf;

/** The outcome of choosing a hook: the kind to use, or why none can be used. */
public sealed interface HookChoice permits HookKind, Unsupported {
}
