package dev.vigil.sql.sqlite;

import java.util.ArrayDeque;

/**
 * Small integer handles for Java objects that native structs refer to (a vtab's table binding, a cursor's
 * state). Native memory holds the handle, never a Java reference. Thread-safe: allocation and release lock;
 * lookups read a published array without locking.
 */
final class Handles<T> {
    private volatile Object[] slots = new Object[64];
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private int next = 1; // 0 is never a handle, so a zeroed struct refers to nothing

    synchronized long add(T value) {
        int handle;
        if (!free.isEmpty()) {
            handle = free.pop();
        } else {
            handle = next++;
            if (handle >= slots.length) {
                Object[] grown = new Object[slots.length * 2];
                System.arraycopy(slots, 0, grown, 0, slots.length);
                slots = grown;
            }
        }
        slots[handle] = value;
        return handle;
    }

    @SuppressWarnings("unchecked")
    T get(long handle) {
        Object[] s = slots;
        Object value = handle > 0 && handle < s.length ? s[(int) handle] : null;
        if (value == null) {
            throw new IllegalStateException("stale native handle " + handle);
        }
        return (T) value;
    }

    /** How many handles are live; for leak tests. */
    synchronized int size() {
        int n = 0;
        for (Object o : slots) {
            if (o != null) {
                n++;
            }
        }
        return n;
    }

    synchronized void remove(long handle) {
        if (handle > 0 && handle < slots.length && slots[(int) handle] != null) {
            slots[(int) handle] = null;
            free.push((int) handle);
        }
    }
}
