package io.netjourney.lab;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The gate behind {@link Privileged}: skip (printing why) or, when privileged tests are required, fail. */
public final class PrivilegedExtension implements BeforeAllCallback, BeforeEachCallback {
    public static final String REQUIRE_PROPERTY = "netjourney.requirePrivileged";

    @Override
    public void beforeAll(ExtensionContext context) {
        require();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        require();
    }

    /** Returns when this process may do privileged work; otherwise skips or fails the current test. */
    public static void require() {
        Prerequisites.problem().ifPresent(problem -> {
            String reason = "privileged test: " + problem;
            if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
                Assertions.fail(reason + " (and -D" + REQUIRE_PROPERTY + "=true forbids skipping)");
            }
            System.out.println("SKIPPED " + reason);
            Assumptions.abort(reason);
        });
    }
}
