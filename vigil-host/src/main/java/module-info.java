/** This host as an engine (tables, functions, sensors), rows as osquery renders them, the table reference. */
module dev.vigil.host {
    requires transitive dev.vigil.sql;
    requires transitive dev.vigil.sensors;
    requires dev.vigil.tables;

    exports dev.vigil.host;
    exports dev.vigil.host.docs;
}
