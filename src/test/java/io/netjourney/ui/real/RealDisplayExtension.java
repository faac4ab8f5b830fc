package io.netjourney.ui.real;

import io.netjourney.lab.PrivilegedExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The gate behind {@link RealDisplay}: root (as {@link PrivilegedExtension}) and the X tools on the PATH. */
public final class RealDisplayExtension implements BeforeAllCallback, BeforeEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        require();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        require();
    }

    public static void require() {
        PrivilegedExtension.require();
        requireTools(XServer.TOOLS, "xvfb xauth x11-utils xdotool wmctrl openbox imagemagick");
    }

    /** Skips (printing why) or, when privileged tests are required, fails unless every tool is on the PATH. */
    public static void requireTools(List<String> tools, String packages) {
        missingTools(tools).ifPresent(missing -> {
            String reason = "real-display test: missing " + missing + " (apt-get install " + packages + ")";
            if (Boolean.getBoolean(PrivilegedExtension.REQUIRE_PROPERTY)) {
                Assertions.fail(reason + " (and -D" + PrivilegedExtension.REQUIRE_PROPERTY
                        + "=true forbids skipping)");
            }
            System.out.println("SKIPPED " + reason);
            Assumptions.abort(reason);
        });
    }

    static Optional<String> missingTools(List<String> tools) {
        List<String> missing = tools.stream().filter(tool -> !Cmd.onPath(tool)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }
}
