package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vigil runs as modules (the launcher's module path), with native access granted only to the modules that call
 * native code. The tests run on the class path, so this runs the command as the launcher does, from the built
 * classes: it must work, without one warning of a restricted method called by a module that was not granted native
 * access. And the services each module provides must be the same in module-info (the module path) and in
 * META-INF/services (the class path).
 */
class ModulesTest {
    /** The launcher's grant (scripts/lib.sh VIGIL_NATIVE_MODULES). */
    static final String NATIVE = "dev.vigil.os,dev.vigil.sql,dev.vigil.bpf,org.jline";

    /** The module path: Vigil's modules and their runtime libraries, from this test's class path. */
    private static String modulePath() {
        List<String> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(":")) {
            boolean vigil = entry.matches(".*/vigil-(os|sql|bpf|tables|sensors|host|cli)(/target/classes|-[^/]*\\.jar)$");
            boolean library = entry.contains("/picocli-") || entry.matches(".*/jline-[0-9.]+\\.jar$");
            if (vigil || library) {
                path.add(entry);
            }
        }
        return String.join(":", path);
    }

    private static CommandLineTest.RawRun asModules(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=" + NATIVE, "-p", modulePath(), "-m", "dev.vigil.cli/dev.vigil.cli.Main"));
        command.addAll(List.of(args));
        return CommandLineTest.run(command, Map.of(), null);
    }

    @Test
    void theModulesRunWithNativeAccessOnlyWhereNativeCodeIsCalled() throws Exception {
        CommandLineTest.RawRun r = asModules("query", "--csv", "--no-header",
                "select count(*) > 0 from processes; select count(*) > 0 from file where directory = '/etc';"
                        + " select sha256('x') = sha256('x'); select count(*) > 20 from vigil_tables;"
                        + " select count(*) from vigil_sensors");
        String err = new String(r.err(), StandardCharsets.UTF_8);
        assertThat(err).doesNotContain("restricted method").doesNotContain("WARNING");
        assertThat(r.status()).as(err).isZero();
        assertThat(new String(r.out(), StandardCharsets.UTF_8)).isEqualTo("1\n1\n1\n1\n3\n");
    }

    @Test
    void theSensorsLoadTheirProgramsAsModules() throws Exception {
        dev.vigil.testkit.Requirements.requireBpf();
        CommandLineTest.RawRun r = asModules("trace", "exec", "--duration", "1");
        String err = new String(r.err(), StandardCharsets.UTF_8);
        assertThat(err).contains("tracing with process").doesNotContain("restricted method").doesNotContain("WARNING");
        assertThat(r.status()).as(err).isZero();
    }

    @Test
    void moduleInfoAndMetaInfServicesProvideTheSame() throws Exception {
        Map<String, List<String>> checked = new TreeMap<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("module-info.class"))) {
            ModuleDescriptor module;
            try (InputStream in = url.openStream()) {
                module = ModuleDescriptor.read(in);
            }
            if (!module.name().startsWith("dev.vigil.")) {
                continue;
            }
            for (ModuleDescriptor.Provides provides : module.provides()) {
                URL services = URI.create(url.toString().replace("module-info.class",
                        "META-INF/services/" + provides.service())).toURL();
                TreeSet<String> listed = new TreeSet<>();
                try (InputStream in = services.openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String name = line.replaceAll("#.*", "").strip();
                        if (!name.isEmpty()) {
                            listed.add(name);
                        }
                    }
                }
                assertThat(listed).as(module.name() + " provides " + provides.service())
                        .isEqualTo(new TreeSet<>(provides.providers()));
                checked.computeIfAbsent(module.name(), k -> new ArrayList<>()).add(provides.service());
            }
        }
        assertThat(checked).containsKeys("dev.vigil.sql", "dev.vigil.tables", "dev.vigil.sensors");
    }
}
