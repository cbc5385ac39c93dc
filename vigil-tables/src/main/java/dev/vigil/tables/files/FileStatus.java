package dev.vigil.tables.files;

import dev.vigil.os.FileStat;
import dev.vigil.os.HostFiles;
import dev.vigil.os.OsException;
import dev.vigil.sql.text.RawText;

/**
 * What stat(2) says about a file, with osquery's rules for symbolic links: a link is stat'ed through to its target;
 * if the target is missing (a dangling link), the link's own lstat(2) values are kept and the type is
 * {@code unknown}. Read by raw name through {@link HostFiles}, whatever the locale.
 *
 * @param stat          the status shown: the target's for a link that resolves, else the name's own
 * @param symlink       true if the name itself is a symbolic link
 * @param symlinkTarget the link's target as readlink(2) gives it; null if not a link
 * @param type          osquery's file type: regular, directory, symlink, character, block, fifo, socket or unknown
 */
record FileStatus(FileStat stat, boolean symlink, String symlinkTarget, String type) {

    /**
     * Reads the status of a file.
     *
     * @throws OsException if the name itself cannot be lstat'ed (missing, a component is not a directory, access)
     */
    static FileStatus read(byte[] name) throws OsException {
        FileStat link = HostFiles.lstat(name);
        if (!link.isSymbolicLink()) {
            return new FileStatus(link, false, null, typeName(link.mode()));
        }
        String target = RawText.decode(HostFiles.readLink(name));
        try {
            FileStat resolved = HostFiles.stat(name);
            return new FileStatus(resolved, true, target, typeName(resolved.mode()));
        } catch (OsException dangling) {
            return new FileStatus(link, true, target, "unknown");
        }
    }

    /** The type named by the S_IFMT bits of st_mode (inode(7)). */
    static String typeName(int mode) {
        return switch (mode & FileStat.S_IFMT) {
            case FileStat.S_IFREG -> "regular";
            case FileStat.S_IFDIR -> "directory";
            case FileStat.S_IFLNK -> "symlink";
            case FileStat.S_IFCHR -> "character";
            case FileStat.S_IFBLK -> "block";
            case FileStat.S_IFIFO -> "fifo";
            case FileStat.S_IFSOCK -> "socket";
            default -> "unknown";
        };
    }

    /** The permission bits as four octal digits, setuid/setgid/sticky first: {@code 0644}, {@code 4755}. */
    String permissions() {
        return String.format("%04o", stat.permissions());
    }

    /** The birth time in seconds, or 0 where the file system keeps none (osquery's value on Linux). */
    long btime() {
        return stat.btime() == null ? 0 : stat.btime();
    }
}
