package io.netjourney.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.lab.Privileged;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a user sees when capture cannot start: one message saying what to do, exit 1, no stack trace. */
@Privileged
class PreflightPrivilegedIT {

    record Result(int exitCode, String output) {
    }

    private static Result netjourney(List<String> prefix, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.netjourney.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void withoutBpfCapabilitiesTheLoadFailureSaysWhatIsNeeded() throws Exception {
        // root whose capability bounding set is empty: the BPF syscall is refused
        Result r = netjourney(List.of("setpriv", "--bounding-set=-all", "--inh-caps=-all"), List.of(),
                "trace", "-c", "1", "--duration", "2s", "icmp");
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("CAP_BPF") && r.output().contains("sudo"), r.output());
        assertFalse(r.output().contains("Exception"), r.output());
    }

    @Test
    void missingLibbpfSaysWhatToInstall() throws Exception {
        Result r = netjourney(List.of(), List.of("-Dnetjourney.libbpf=libbpf-absent.so.9"),
                "trace", "-c", "1", "icmp");
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("apt-get install libbpf1"), r.output());
        assertFalse(r.output().contains("Exception"), r.output());
    }
}
