package dev.vigil.tables.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvConfTest {

    @Test
    void parsesLikeGlibcResInit() {
        ResolvConf conf = ResolvConf.parse(Fixtures.text("resolv.conf"), "host.ignored.example");

        // the indented line is not a nameserver line; bad addresses are dropped; only MAXNS (3) are kept
        assertThat(conf.nameservers()).containsExactly("192.0.2.53", "2001:db8::53", "fe80::1");
        assertThat(conf.search()).containsExactly("corp.example", "lab.example");
        assertThat(conf.sortlist()).containsExactly(
                new ResolvConf.SortEntry("130.155.160.0", 20),
                new ResolvConf.SortEntry("130.155.0.0", 16),
                new ResolvConf.SortEntry("10.1.2.3", 24));
        long expected = 0x1 | 0x2c0 | 0x4000 /* rotate */ | 0x100000 /* edns0 */
                | 0x400000 /* single-request-reopen */ | 0x4000000 /* trust-ad */;
        assertThat(conf.options()).isEqualTo(expected);
    }

    @Test
    void defaultsWhenTheFileSaysNothing() {
        ResolvConf conf = ResolvConf.parse("", "box.lab.example");

        assertThat(conf.nameservers()).containsExactly("127.0.0.1");
        assertThat(conf.search()).containsExactly("lab.example");
        assertThat(conf.sortlist()).isEmpty();
        assertThat(conf.options()).isEqualTo(705);
        assertThat(ResolvConf.parse("", "box").search()).isEmpty();
    }

    @Test
    void lastDomainOrSearchLineWins() {
        assertThat(ResolvConf.parse("search a b\ndomain c\n", null).search()).containsExactly("c");
        assertThat(ResolvConf.parse("domain c\nsearch a b\n", null).search()).containsExactly("a", "b");
        assertThat(ResolvConf.parse("search 1 2 3 4 5 6 7\n", null).search()).hasSize(6);
    }

    @Test
    void singleRequestIsNotSingleRequestReopen() {
        assertThat(ResolvConf.parse("options single-request\n", null).options()).isEqualTo(705 | 0x200000);
    }

    @Test
    void nameserverAddresses() {
        assertThat(ResolvConf.nameserver("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(ResolvConf.nameserver("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(ResolvConf.nameserver("999.1.1.1")).isNull();
        assertThat(ResolvConf.nameserver("dns.example")).isNull();
        assertThat(ResolvConf.nameserver("")).isNull();
        assertThat(List.of()).isEmpty();
    }
}
