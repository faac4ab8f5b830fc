package io.netjourney.lab;

import java.util.List;
import java.util.stream.Collectors;

/** Each thing the lab should contain and whether it is there. */
public record LabStatus(List<Check> checks) {

    /** One expected namespace, link, address, route or setting. */
    public record Check(String namespace, String what, boolean present) {
        @Override
        public String toString() {
            return (present ? "ok      " : "MISSING ") + namespace + ": " + what;
        }
    }

    public LabStatus {
        checks = List.copyOf(checks);
    }

    public boolean healthy() {
        return checks.stream().allMatch(Check::present);
    }

    public List<Check> missing() {
        return checks.stream().filter(check -> !check.present()).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return checks.stream().map(Check::toString).collect(Collectors.joining("\n"));
    }
}
