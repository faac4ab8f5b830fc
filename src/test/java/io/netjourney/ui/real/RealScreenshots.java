package io.netjourney.ui.real;

import java.nio.file.Path;

/**
 * Keeps a screenshot of each step of a real-display test for a reviewer:
 * {@code target/screenshots/real/<test>-<nn>-<step>.png}.
 */
public final class RealScreenshots {
    public static final Path DIR = Path.of("target", "screenshots", "real");

    private final XServer server;
    private final String test;
    private int step;

    public RealScreenshots(XServer server, String test) {
        this.server = server;
        this.test = test.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Saves the whole screen now and returns the file. */
    public Path shot(String stepName) {
        step++;
        Path file = DIR.resolve(String.format("%s-%02d-%s.png", test, step, stepName.replaceAll("[^A-Za-z0-9_.-]",
                "_")));
        return server.screenshot(file);
    }

    /** Like {@link #shot} but never throws: for cleanup paths, where the test's own failure matters more. */
    public void tryShot(String stepName) {
        try {
            shot(stepName);
        } catch (RuntimeException e) {
            System.out.println("screenshot '" + stepName + "' failed: " + e.getMessage());
        }
    }
}
