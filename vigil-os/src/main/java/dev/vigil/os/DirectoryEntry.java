package dev.vigil.os;

import java.util.Arrays;

/**
 * One entry of a directory as getdents64(2) lists it: its raw name (any bytes but '/' and NUL), inode and type.
 *
 * @param type the file type the file system reports (DT_DIR, DT_REG, DT_LNK ...), or {@link #DT_UNKNOWN} when it
 *             reports none and only a stat can tell
 */
public record DirectoryEntry(byte[] name, long inode, int type) {
    public static final int DT_UNKNOWN = 0;
    public static final int DT_FIFO = 1;
    public static final int DT_CHR = 2;
    public static final int DT_DIR = 4;
    public static final int DT_BLK = 6;
    public static final int DT_REG = 8;
    public static final int DT_LNK = 10;
    public static final int DT_SOCK = 12;

    public DirectoryEntry {
        name = name.clone();
    }

    @Override
    public byte[] name() {
        return name.clone();
    }

    /** The name's first byte is a dot: a hidden entry. */
    public boolean hidden() {
        return name.length > 0 && name[0] == '.';
    }

    /** True if the name is these ASCII characters. */
    public boolean nameIs(String ascii) {
        if (ascii.length() != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (name[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryEntry e && Arrays.equals(name, e.name) && inode == e.inode && type == e.type;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(name) * 31 + Long.hashCode(inode);
    }

    @Override
    public String toString() {
        return PathText.display(name);
    }
}
