/** The eBPF sensors, their stores and event tables; loads programs through dev.vigil.bpf and calls no native code. */
module dev.vigil.sensors {
    requires transitive dev.vigil.bpf;
    requires transitive dev.vigil.sql;

    exports dev.vigil.sensors;
    exports dev.vigil.sensors.dns;
    exports dev.vigil.sensors.process;
    exports dev.vigil.sensors.socket;

    uses dev.vigil.sensors.SensorProvider;

    provides dev.vigil.sensors.SensorProvider with
            dev.vigil.sensors.process.ProcessSensorProvider,
            dev.vigil.sensors.socket.SocketSensorProvider,
            dev.vigil.sensors.dns.DnsSensorProvider;
}
