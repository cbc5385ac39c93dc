package dev.vigil.tables.users;

import java.util.List;

/**
 * One line of group(5): {@code group_name:password:GID:user_list}.
 *
 * @param gid     the group ID, unsigned
 * @param members the user names of the comma-separated member list, in file order
 */
public record GroupEntry(String name, long gid, List<String> members) {

    public GroupEntry {
        members = List.copyOf(members);
    }
}
