package dev.vigil.bpf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The file offsets of functions in a 64-bit little-endian ELF file (a shared library or executable), from its
 * dynamic symbol table (.dynsym), else its full one (.symtab): what a uprobe is attached at. libbpf does this
 * for its own uprobe attach; uprobe_multi links take offsets, so Vigil reads them itself.
 */
public final class ElfSymbols {
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int PT_LOAD = 1;
    private static final int STT_FUNC = 2;

    private ElfSymbols() {
    }

    /**
     * The file offset of each named function found (defined, of type FUNC); names not found are absent.
     *
     * @throws IOException if the file cannot be read or is not a 64-bit little-endian ELF file
     */
    public static Map<String, Long> functionOffsets(Path elf, Set<String> names) throws IOException {
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(elf, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new IOException(elf + " is too large to read symbols from (" + ch.size() + " bytes)");
            }
            b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (b.limit() < 64 || b.getInt(0) != 0x464c457f || b.get(4) != 2 || b.get(5) != 1) {
            throw new IOException(elf + " is not a 64-bit little-endian ELF file");
        }
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3a));
        int shnum = Short.toUnsignedInt(b.getShort(0x3c));
        Map<String, Long> found = new HashMap<>();
        for (int wanted : new int[] {SHT_DYNSYM, SHT_SYMTAB}) {
            for (int i = 0; i < shnum && found.size() < names.size(); i++) {
                int sh = checked(b, shoff + (long) i * shentsize, 64, elf);
                if (b.getInt(sh + 4) != wanted) {
                    continue;
                }
                int strtab = checked(b, shoff + (long) b.getInt(sh + 40) * shentsize, 64, elf);
                long strOffset = b.getLong(strtab + 24);
                long strSize = b.getLong(strtab + 32);
                long offset = b.getLong(sh + 24);
                long size = b.getLong(sh + 32);
                long entsize = Math.max(24, b.getLong(sh + 56));
                for (long at = offset; at + 24 <= offset + size; at += entsize) {
                    int sym = checked(b, at, 24, elf);
                    int type = b.get(sym + 4) & 0xf;
                    int section = Short.toUnsignedInt(b.getShort(sym + 6));
                    long value = b.getLong(sym + 8);
                    // an indirect function (STT_GNU_IFUNC) is its resolver, not the code that runs: not offered
                    if (type != STT_FUNC || section == 0 || value == 0) {
                        continue;
                    }
                    String name = cString(b, strOffset, strSize, Integer.toUnsignedLong(b.getInt(sym)), elf);
                    if (names.contains(name) && !found.containsKey(name)) {
                        found.put(name, fileOffset(b, value, elf));
                    }
                }
            }
            if (found.size() == names.size()) {
                break;
            }
        }
        return found;
    }

    /** The file offset of a virtual address, through the PT_LOAD segment holding it. */
    private static long fileOffset(ByteBuffer b, long address, Path elf) throws IOException {
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            int ph = checked(b, phoff + (long) i * phentsize, 56, elf);
            long vaddr = b.getLong(ph + 16);
            long filesz = b.getLong(ph + 32);
            if (b.getInt(ph) == PT_LOAD && address >= vaddr && address < vaddr + filesz) {
                return address - vaddr + b.getLong(ph + 8);
            }
        }
        throw new IOException(elf + ": no loadable segment holds address 0x" + Long.toHexString(address));
    }

    private static String cString(ByteBuffer b, long table, long tableSize, long index, Path elf) throws IOException {
        if (index >= tableSize) {
            throw new IOException(elf + ": symbol name outside its string table");
        }
        int start = checked(b, table + index, 1, elf);
        int end = start;
        while (end < b.limit() && end < table + tableSize && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        b.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** offset as an int index, checked to have length bytes in the file. */
    private static int checked(ByteBuffer b, long offset, int length, Path elf) throws IOException {
        if (offset < 0 || offset + length > b.limit()) {
            throw new IOException(elf + " is truncated or malformed (offset " + offset + ")");
        }
        return (int) offset;
    }
}
