package dev.vigil.tables.system;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of /proc/modules: {@code name size refcount used_by state address [taints]} (see the kernel's
 * kernel/module/procfs.c). The address reads as zeros to users without CAP_SYSLOG (kptr_restrict).
 *
 * @param usedBy the modules depending on this one, comma-separated without the kernel's trailing comma; "-" if
 *               none
 * @param status Live, Loading or Unloading
 * @param address the load address as the kernel prints it, "0xffffffffc0a8c000"
 */
public record KernelModule(String name, long size, String usedBy, String status, String address) {

    public static List<KernelModule> parseAll(String procModules) {
        List<KernelModule> modules = new ArrayList<>();
        for (String line : procModules.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6) {
                continue;
            }
            long size;
            try {
                size = Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                continue;
            }
            String usedBy = f[3].endsWith(",") ? f[3].substring(0, f[3].length() - 1) : f[3];
            modules.add(new KernelModule(f[0], size, usedBy, f[4], f[5]));
        }
        return modules;
    }
}
