package dev.vigil.os;

/**
 * What statx(2) says of a file: its type and permission bits, owner, size, times and identity. Immutable.
 *
 * @param mode      st_mode: the type bits (S_IFMT) and the permission bits
 * @param device    the device of the file system holding it, in stat(2)'s st_dev encoding (glibc's makedev)
 * @param rdev      the device a device node stands for, same encoding; 0 for other files
 * @param blockSize the preferred I/O block size (st_blksize)
 * @param btime     the birth time in seconds since the epoch, or null where the file system records none
 */
public record FileStat(int mode, long inode, long device, long rdev, long hardLinks, long uid, long gid, long size,
                       long blocks, long blockSize, long atime, long mtime, long ctime, Long btime) {
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 060000;
    public static final int S_IFDIR = 040000;
    public static final int S_IFCHR = 020000;
    public static final int S_IFIFO = 010000;

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isSymbolicLink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** The permission bits, set-id and sticky bits included (07777). */
    public int permissions() {
        return mode & 07777;
    }

    /** True if both name the same file: the same inode on the same device. */
    public boolean sameFile(FileStat other) {
        return other != null && inode == other.inode && device == other.device;
    }

    /** glibc's makedev(3): the st_dev encoding of a major and minor number. */
    static long makedev(long major, long minor) {
        return (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xffL) << 12) | ((major & ~0xfffL) << 32);
    }
}
