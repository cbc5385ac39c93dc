package dev.vigil.tables.users;

/**
 * One account line of passwd(5): {@code name:password:UID:GID:GECOS:directory:shell}.
 *
 * @param uid the user ID as the unsigned 32-bit number the kernel uses
 * @param gid the primary group ID, unsigned
 */
public record PasswdEntry(String name, long uid, long gid, String gecos, String directory, String shell) {
}
