package io.netjourney.cli;

import io.netjourney.lab.Lab;
import io.netjourney.lab.LabException;
import io.netjourney.lab.LabStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lab", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Build, remove or check the built-in lab of namespaces.",
        description = {
            "A Docker-like topology made only of network namespaces named nj-*: nj-host with bridge nj-br0 (the "
                + "lab's docker0, 198.51.100.1) and veths to nj-ctr1 (198.51.100.2) and nj-ctr2 (198.51.100.3), "
                + "each with eth0 inside; nj-far (198.51.100.130) behind nj-router; IPv6 in 2001:db8::/32 too. "
                + "The root namespace gets no address, route or bridge. Needs root.",
            "",
            "  up      build the lab, or repair a half-built one",
            "  down    remove everything the lab created",
            "  status  show what is present (exit 1 when something is missing)"},
        footer = {"", "Example:", "  sudo netjourney lab up && sudo ip netns exec nj-ctr1 ping 198.51.100.130"})
final class LabCommand implements Callable<Integer> {
    enum Action { up, down, status }

    @Parameters(index = "0", paramLabel = "ACTION", description = "up, down or status")
    Action action;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = Lab.DEFAULT_PREFIX,
            description = "Name prefix of everything the lab creates (default: ${DEFAULT-VALUE}): a second lab with "
                    + "another prefix (nj-[a-z0-9-]{0,7}) can run beside the first, on the same addresses.")
    String prefix;

    @Override
    public Integer call() {
        Lab lab;
        try {
            lab = new Lab(prefix);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), UserError.USAGE);
        }
        try {
            switch (action) {
                case up:
                    lab.up();
                    System.out.println("lab is up: " + String.join(", ", Demo.namespaces(lab)));
                    return 0;
                case down:
                    lab.down();
                    System.out.println("lab removed");
                    return 0;
                default:
                    LabStatus status = lab.status();
                    System.out.println(status);
                    System.out.println(status.healthy() ? "lab is up"
                            : status.missing().size() + " missing: run 'netjourney lab up' to repair");
                    return status.healthy() ? 0 : 1;
            }
        } catch (LabException e) {
            throw new UserError(e.getMessage(), UserError.FAILURE);
        }
    }
}
