package dev.vigil.tables.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcNetRoutesTest {

    @Test
    void ipv4MainTable() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixture written on x86");

        List<Route> routes = ProcNetRoutes.parseIpv4(Fixtures.text("proc-net/route"));

        assertThat(routes).containsExactly(
                new Route("0.0.0.0", 0, "192.0.2.1", 0x3, "eth0", 0L, 100, "gateway"),
                new Route("192.0.2.0", 24, null, 0x1, "eth0", 0L, 0, "gateway"),
                new Route("10.0.1.10", 32, null, 0x5, "wg0", 1420L, 0, "gateway"),
                new Route("10.51.0.0", 16, null, 0x201, null, 0L, 0, "other"));
    }

    @Test
    void ipv6AllTablesWithoutTheNullEntry() {
        List<Route> routes = ProcNetRoutes.parseIpv6(Fixtures.text("proc-net/ipv6_route"));

        assertThat(routes).containsExactly(
                new Route("fd00::", 64, null, 0x1, "eth0", null, 256, "gateway"),
                new Route("fe80::", 64, null, 0x1, "eth0", null, 256, "gateway"),
                new Route("::", 0, "fd00::1", 0x3, "eth0", null, 1024, "gateway"),
                new Route("::1", 128, null, 0x80200001L, "lo", null, 0, "local"),
                new Route("fd00::2", 128, null, 0x80200001L, "eth0", null, 0, "local"),
                new Route("fe80::fc:ff:fe00:1", 128, null, 0x80200001L, "eth0", null, 0, "local"),
                new Route("ff00::", 8, null, 0x1, "eth0", null, 256, "other"),
                new Route("fd00::", 128, null, 0x100001, "eth0", null, 0, "anycast"));
    }

    @Test
    void malformedTextGivesNoRoutes() {
        assertThat(ProcNetRoutes.parseIpv4("")).isEmpty();
        assertThat(ProcNetRoutes.parseIpv4("header\neth0 zz 00 01 0 0 0 00 0 0 0\n")).isEmpty();
        assertThat(ProcNetRoutes.parseIpv6("garbage\n")).isEmpty();
    }
}
