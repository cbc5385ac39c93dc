package dev.vigil.tables.users;

import dev.vigil.sql.spi.QueryContext;
import dev.vigil.tables.system.NamespaceRoots;
import dev.vigil.tables.system.TextFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads /etc/passwd and /etc/group under one root (the host's, or a process's mount namespace). Only these local
 * files are read: accounts that other NSS sources (LDAP, SSSD, systemd-userdb) provide are not seen.
 */
final class AccountDatabase {

    private AccountDatabase() {
    }

    /** The root's passwd entries; empty, with a note, if the file is missing. */
    static List<PasswdEntry> users(NamespaceRoots.Root root, QueryContext context) throws IOException {
        return read(root.paths().etc().resolve("passwd"), context).map(PasswdFile::parse).orElse(List.of());
    }

    /** The root's group entries; empty, with a note, if the file is missing. */
    static List<GroupEntry> groups(NamespaceRoots.Root root, QueryContext context) throws IOException {
        return read(root.paths().etc().resolve("group"), context).map(GroupFile::parse).orElse(List.of());
    }

    /** A missing file (a minimal container, a process that exited) is no problem: osquery lists nothing. */
    private static Optional<String> read(Path file, QueryContext context) throws IOException {
        Optional<String> text = TextFiles.readIfExists(file);
        if (text.isEmpty()) {
            context.note(file + " does not exist");
        }
        return text;
    }
}
