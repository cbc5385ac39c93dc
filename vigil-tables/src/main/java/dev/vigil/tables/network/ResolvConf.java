package dev.vigil.tables.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The resolver configuration glibc's res_init(3) builds from resolv.conf(5), in the terms of osquery's
 * dns_resolvers table: the name servers, the search list, the sort list and the RES_* option bits of
 * {@code _res.options}. Follows glibc's resolv/res_init.c: a keyword counts only at the start of a line and
 * followed by a blank; {@code ;} and {@code #} start comment lines; the last {@code domain} or {@code search}
 * line wins; without name servers the local one (127.0.0.1) is used; without a search list the domain part of
 * the host name is. The RES_OPTIONS and LOCALDOMAIN environment variables are not applied. Immutable.
 *
 * @param options RES_INIT | RES_DEFAULT | the bits of the {@code options} lines
 */
public record ResolvConf(List<String> nameservers, List<String> search, List<SortEntry> sortlist, long options) {

    /** A sortlist entry: an IPv4 network and its prefix length. */
    public record SortEntry(String address, int prefixLength) {
    }

    /** resolv.h: MAXNS name servers, MAXDNSRCH search domains and MAXRESOLVSORT sortlist entries reach _res. */
    static final int MAXNS = 3;
    static final int MAXDNSRCH = 6;
    static final int MAXRESOLVSORT = 10;

    // resolv.h
    static final long RES_INIT = 0x1;
    static final long RES_DEFAULT = 0x40 | 0x80 | 0x200;

    /** An option word glibc recognises (res_setoptions compares by prefix, in this order) and its RES_* bit. */
    private record OptionWord(String prefix, long bit) {
    }

    private static final List<OptionWord> OPTION_WORDS = List.of(
            new OptionWord("rotate", 0x4000L),
            new OptionWord("edns0", 0x100000L),
            new OptionWord("single-request-reopen", 0x400000L),
            new OptionWord("single-request", 0x200000L),
            new OptionWord("no_tld_query", 0x1000000L),
            new OptionWord("no-tld-query", 0x1000000L),
            new OptionWord("no-reload", 0x2000000L),
            new OptionWord("use-vc", 0x8L),
            new OptionWord("trust-ad", 0x4000000L),
            new OptionWord("no-aaaa", 0x8000000L));

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * Parses a resolv.conf text.
     *
     * @param hostname the host name (gethostname(2)), whose domain part is the default search domain; may be null
     */
    public static ResolvConf parse(String text, String hostname) {
        List<String> nameservers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<SortEntry> sortlist = new ArrayList<>();
        long options = RES_DEFAULT;
        for (String line : text.split("\n")) {
            String rest;
            if ((rest = argument(line, "nameserver")) != null) {
                String address = rest.strip().split("[ \t]+")[0];
                String parsed = nameserver(address);
                if (parsed != null) {
                    nameservers.add(parsed);
                }
            } else if ((rest = argument(line, "domain")) != null) {
                String domain = rest.strip().split("[ \t]+")[0];
                if (!domain.isEmpty()) {
                    search = new ArrayList<>(List.of(domain));
                }
            } else if ((rest = argument(line, "search")) != null) {
                if (!rest.isBlank()) {
                    search = new ArrayList<>(List.of(rest.strip().split("[ \t]+")));
                }
            } else if ((rest = argument(line, "sortlist")) != null) {
                sortlist.addAll(sortEntries(rest));
            } else if ((rest = argument(line, "options")) != null) {
                options |= optionBits(rest);
            }
        }
        if (nameservers.isEmpty()) {
            nameservers.add("127.0.0.1");
        }
        if (search.isEmpty() && hostname != null && hostname.indexOf('.') >= 0) {
            search.add(hostname.substring(hostname.indexOf('.') + 1));
        }
        return new ResolvConf(limit(nameservers, MAXNS), limit(search, MAXDNSRCH), limit(sortlist, MAXRESOLVSORT),
                options | RES_INIT);
    }

    /** The rest of the line after the keyword, or null if the line is not that keyword's line. */
    private static String argument(String line, String keyword) {
        if (line.length() > keyword.length() && line.startsWith(keyword)
                && (line.charAt(keyword.length()) == ' ' || line.charAt(keyword.length()) == '\t')) {
            return line.substring(keyword.length() + 1);
        }
        return null;
    }

    /** An IPv4 (inet_aton, dotted quad only) or IPv6 (scope dropped) name server address as text; null if bad. */
    static String nameserver(String address) {
        if (DOTTED_QUAD.matcher(address).matches()) {
            byte[] v4 = dottedQuad(address);
            return v4 == null ? null : InetText.format(v4);
        }
        String v6 = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
        if (!v6.contains(":") || !v6.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetText.format(InetAddress.getByName(v6).getAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<SortEntry> sortEntries(String rest) {
        List<SortEntry> entries = new ArrayList<>();
        int semicolon = rest.indexOf(';');
        String list = semicolon >= 0 ? rest.substring(0, semicolon) : rest;
        for (String item : list.strip().split("[ \t]+")) {
            String[] parts = item.split("[/&]", 2);
            byte[] network = dottedQuad(parts[0]);
            if (network == null) {
                continue;
            }
            byte[] mask = parts.length == 2 ? dottedQuad(parts[1]) : null;
            int prefix = mask == null ? classfulPrefix(network) : InetText.prefixLength(mask);
            if (prefix >= 0) {
                entries.add(new SortEntry(InetText.format(network), prefix));
            }
        }
        return entries;
    }

    /** res_init.c's net_mask: the historical class A, B or C mask of an address without an explicit mask. */
    private static int classfulPrefix(byte[] address) {
        int first = address[0] & 0xff;
        if (first < 128) {
            return 8;
        }
        return first < 192 ? 16 : 24;
    }

    private static long optionBits(String words) {
        long bits = 0;
        for (String word : words.strip().split("[ \t]+")) {
            for (OptionWord option : OPTION_WORDS) {
                if (word.startsWith(option.prefix())) {
                    bits |= option.bit();
                    break;
                }
            }
        }
        return bits;
    }

    private static byte[] dottedQuad(String text) {
        if (!DOTTED_QUAD.matcher(text).matches()) {
            return null;
        }
        String[] parts = text.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static <T> List<T> limit(List<T> list, int max) {
        return List.copyOf(list.size() > max ? list.subList(0, max) : list);
    }
}
