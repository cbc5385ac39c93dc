package dev.vigil.tables.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel command line of /proc/cmdline, split as osquery's kernel_info does: the {@code BOOT_IMAGE=} value
 * is the kernel's path, the {@code root=} value its root device, and every other word, in order and joined by
 * single spaces, its arguments (see the kernel's admin-guide/kernel-parameters).
 *
 * @param path      BOOT_IMAGE, or null when the boot loader did not pass it
 * @param device    root=, or null
 * @param arguments the remaining words
 */
public record KernelCommandLine(String path, String device, String arguments) {

    public static KernelCommandLine parse(String cmdline) {
        String path = null;
        String device = null;
        List<String> rest = new ArrayList<>();
        for (String word : cmdline.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.startsWith("BOOT_IMAGE=")) {
                path = word.substring("BOOT_IMAGE=".length());
            } else if (word.startsWith("root=")) {
                device = word.substring("root=".length());
            } else {
                rest.add(word);
            }
        }
        return new KernelCommandLine(path, device, String.join(" ", rest));
    }

    /**
     * The kernel release from /proc/version ("Linux version 6.1.0-18-amd64 (...) ..."), the same text as
     * {@code uname -r}; null if the text has another shape.
     */
    public static String releaseFromProcVersion(String procVersion) {
        String[] words = procVersion.trim().split("\\s+");
        return words.length > 2 && words[1].equals("version") ? words[2] : null;
    }
}
