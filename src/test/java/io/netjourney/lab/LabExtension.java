package io.netjourney.lab;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brings a test class's lab up before its tests and removes it after them, also when they fail. Register it
 * with {@code @RegisterExtension static final LabExtension LAB = new LabExtension("nj-e2e-");}.
 */
public final class LabExtension implements BeforeAllCallback, AfterAllCallback {
    private final Lab lab;

    public LabExtension(String prefix) {
        this.lab = new Lab(prefix);
    }

    public Lab lab() {
        return lab;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PrivilegedExtension.require();
        lab.up();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (Prerequisites.problem().isEmpty()) {
            lab.down();
        }
    }
}
