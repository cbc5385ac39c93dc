package dev.vigil.tables.system;

import java.util.HashSet;
import java.util.Set;

/**
 * What system_info needs from /proc/cpuinfo: one block of {@code key : value} lines per online logical CPU,
 * blocks separated by blank lines (the x86 format of arch/x86/kernel/cpu/proc.c; other architectures lack some
 * keys, which then stay null).
 *
 * @param brand         "model name" of the first CPU, trimmed
 * @param model         "model" (osquery's cpu_subtype)
 * @param microcode     "microcode" revision of the first CPU, "0x1000065"
 * @param logicalCores  the number of "processor" blocks
 * @param physicalCores distinct ("physical id", "core id") pairs; null when the file has no such keys
 * @param sockets       distinct "physical id" values; null when the file has none
 */
public record CpuInfo(String brand, String model, String microcode, int logicalCores, Integer physicalCores,
                      Integer sockets) {

    public static CpuInfo parse(String text) {
        String brand = null;
        String model = null;
        String microcode = null;
        int logical = 0;
        Set<String> cores = new HashSet<>();
        Set<String> packages = new HashSet<>();
        String physicalId = null;
        for (String line : (text + "\n\n").split("\n")) {
            if (line.isBlank()) {
                physicalId = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> logical++;
                case "model name" -> brand = brand == null ? value : brand;
                case "model" -> model = model == null ? value : model;
                case "microcode" -> microcode = microcode == null ? value : microcode;
                case "physical id" -> {
                    physicalId = value;
                    packages.add(value);
                }
                case "core id" -> cores.add(physicalId + "/" + value);
                default -> { }
            }
        }
        return new CpuInfo(brand, model, microcode, logical, cores.isEmpty() ? null : cores.size(),
                packages.isEmpty() ? null : packages.size());
    }

    /** MemTotal of /proc/meminfo ("MemTotal:  24683656 kB") in bytes; null if absent. See proc_meminfo(5). */
    public static Long memTotalBytes(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] f = line.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    long value = Long.parseLong(f[0]);
                    return f.length > 1 && f[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
