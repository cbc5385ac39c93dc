/** The OS tables, one provider per area; reads files through dev.vigil.os and calls no native code itself. */
module dev.vigil.tables {
    requires dev.vigil.os;
    requires transitive dev.vigil.sql;

    provides dev.vigil.sql.spi.TableProvider with
            dev.vigil.tables.vigil.VigilTables,
            dev.vigil.tables.files.FileTables,
            dev.vigil.tables.network.NetworkTables,
            dev.vigil.tables.process.ProcessTables,
            dev.vigil.tables.sockets.SocketTables,
            dev.vigil.tables.users.UserTables,
            dev.vigil.tables.system.SystemTables,
            dev.vigil.tables.packages.PackageTables;
}
