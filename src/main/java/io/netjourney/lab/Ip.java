package io.netjourney.lab;

import io.netjourney.capture.names.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** iproute2 commands, in the root namespace (only for {@code ip netns}) or in a named lab namespace. */
final class Ip {
    private final CommandRunner runner;

    Ip(CommandRunner runner) {
        this.runner = runner;
    }

    CommandRunner runner() {
        return runner;
    }

    /** {@code ip ARGS}; stdout, or a CommandException with stderr. */
    String run(String... args) {
        return runner.check(command(List.of(), List.of(args)));
    }

    /** {@code ip -n NAMESPACE ARGS}. */
    String in(String namespace, String... args) {
        return runner.check(command(List.of("-n", namespace), List.of(args)));
    }

    /** {@code ip netns exec NAMESPACE COMMAND...} as a command line, for tools other than ip. */
    List<String> exec(String namespace, List<String> command) {
        return command(List.of("netns", "exec", namespace), command);
    }

    List<String> namespaces() {
        List<String> names = new ArrayList<>();
        for (String line : run("netns", "list").split("\n")) {
            if (!line.isBlank()) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }

    List<LinkLine> links(String namespace) {
        return LinkLine.parseAll(in(namespace, "-o", "link", "show"));
    }

    private static List<String> command(List<String> options, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(CommandRunner.which("ip").map(Path::toString)
                .orElseThrow(() -> new LabException(Prerequisites.NEEDS_IPROUTE2)));
        command.addAll(options);
        command.addAll(args);
        return command;
    }
}
