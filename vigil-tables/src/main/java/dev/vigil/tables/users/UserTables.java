package dev.vigil.tables.users;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables of local accounts, groups and login sessions. */
public final class UserTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new UsersTable(host), new GroupsTable(host), new UserGroupsTable(host),
                new LoggedInUsersTable(host));
    }
}
