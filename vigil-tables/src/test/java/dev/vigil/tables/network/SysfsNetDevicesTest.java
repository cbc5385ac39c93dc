package dev.vigil.tables.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SysfsNetDevicesTest {

    @Test
    void readsEveryDeviceInIndexOrder() throws Exception {
        List<NetDevice> devices = new SysfsNetDevices(Fixtures.path("sys-class-net")).read();

        assertThat(devices).extracting(NetDevice::name).containsExactly("lo", "ifb0", "eth0");
        NetDevice lo = devices.get(0);
        assertThat(lo.mac()).isEqualTo("00:00:00:00:00:00");
        assertThat(lo.type()).isEqualTo(772L);
        assertThat(lo.mtu()).isEqualTo(65536L);
        assertThat(lo.flags()).as("UP|LOOPBACK|RUNNING|LOWER_UP").isEqualTo(0x10049L);
        assertThat(lo.speed()).isNull();
        assertThat(lo.statistics()).isEqualTo(
                new NetDevice.Statistics(11L, 22L, 33L, 44L, 55L, 66L, 77L, 88L, 99L));
        NetDevice eth0 = devices.get(2);
        assertThat(eth0.flags()).as("UP|BROADCAST|MULTICAST|RUNNING|LOWER_UP").isEqualTo(0x11043L);
        assertThat(eth0.speed()).isEqualTo(10000L);
        assertThat(eth0.statistics().rxBytes()).isEqualTo(9007199254740993L);
        NetDevice ifb0 = devices.get(1);
        assertThat(ifb0.flags()).as("down: no link-state bits").isEqualTo(0x82L);
        assertThat(ifb0.speed()).as("-1 is unknown").isNull();
        assertThat(ifb0.statistics().rxPackets()).isNull();
        assertThat(ifb0.pciSlot()).isNull();
    }

    @Test
    void pciSlotIsTheNearestPciAncestor() {
        assertThat(SysfsNetDevices.pciSlotOf("/sys/devices/pci0000:00/0000:00:03.0/virtio2"))
                .isEqualTo("0000:00:03.0");
        assertThat(SysfsNetDevices.pciSlotOf("/sys/devices/pci0000:00/0000:00:1c.0/0000:02:00.0"))
                .isEqualTo("0000:02:00.0");
        assertThat(SysfsNetDevices.pciSlotOf("/sys/devices/virtual/net/lo")).isNull();
    }
}
