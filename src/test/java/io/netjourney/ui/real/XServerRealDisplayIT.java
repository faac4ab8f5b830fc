package io.netjourney.ui.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The harness itself: a server with a cookie, a window found, driven and closed, screenshots, cleanup. */
@RealDisplay
class XServerRealDisplayIT {
    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(10);
    private static final Path XMESSAGE_LOG = Path.of("target", "real-display", "xmessage.log");

    @Test
    void aWindowIsFoundMeasuredPhotographedAndClosedThroughTheWindowManager() throws Exception {
        Path dir;
        String socket;
        long serverPid;
        try (XServer x = XServer.start()) {
            dir = x.xauthority().getParent();
            socket = "/tmp/.X11-unix/X" + x.displayNumber();
            serverPid = x.serverPid();
            assertTrue(x.hasWindowManager());
            assertTrue(Cmd.run(x.env(), "xdpyinfo").ok(), "the display answers a client holding the cookie");
            Cmd.Result stranger = Cmd.run(Map.of("DISPLAY", x.display(), "XAUTHORITY", "/dev/null"), "xdpyinfo");
            assertFalse(stranger.ok(), "a client without the cookie is refused: " + stranger.out());

            RealScreenshots shots = new RealScreenshots(x, "XServerRealDisplayIT-wm");
            Process message = xmessage(x, "nj-harness-wm");
            try {
                long id = windowOf(x, message, "nj-harness-wm");
                assertEquals("nj-harness-wm", x.windowName(id));
                XServer.Geometry g = x.geometry(id);
                assertTrue(g.width() > 50 && g.height() > 20, "a plausible size: " + g);
                assertTrue(g.top() > 0, "openbox framed the window with a title bar: " + g);
                assertTrue(g.insideScreen(x.width(), x.height()), "on the screen: " + g);

                Path shot = shots.shot("xmessage-shown");
                Pixels pixels = Pixels.load(shot);
                assertEquals(x.width(), pixels.width());
                assertEquals(x.height(), pixels.height());
                assertFalse(pixels.uniform(), "the screenshot shows something");
                int white = pixels.countNear(0xFFFFFF, 8, g.x(), g.y(), g.width(), g.height());
                assertTrue(white > g.width() * g.height() / 2,
                        "xmessage's white background fills its window in the screenshot: " + white + " of "
                                + g.width() * g.height());

                x.closeViaWindowManager(id);
                assertTrue(message.waitFor(5, TimeUnit.SECONDS), "xmessage ends on WM_DELETE_WINDOW");
                assertTrue(x.waitForWindowGone(id, Duration.ofSeconds(2)));
                shots.shot("xmessage-closed");
            } finally {
                message.destroyForcibly();
            }
        }
        assertFalse(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false), "Xvfb ended");
        assertFalse(Files.exists(Path.of(socket)), "Xvfb removed its socket " + socket);
        assertFalse(Files.exists(dir), "the cookie's temporary directory is gone");
    }

    @Test
    void withoutAWindowManagerKeysReachTheWindow() throws Exception {
        try (XServer x = XServer.withoutWindowManager()) {
            assertFalse(x.hasWindowManager());
            Process message = xmessage(x, "nj-harness-bare");
            try {
                long id = windowOf(x, message, "nj-harness-bare");
                XServer.Geometry g = x.geometry(id);
                assertEquals(0, g.top(), "no frame without a window manager: " + g);
                new RealScreenshots(x, "XServerRealDisplayIT-bare").shot("xmessage-shown");
                x.key(id, "Return");
                assertTrue(message.waitFor(5, TimeUnit.SECONDS), "Return pressed the default button");
                assertEquals(0, message.exitValue(), "the default button 'okay' exits 0");
            } finally {
                message.destroyForcibly();
            }
            assertThrows(IllegalStateException.class, () -> x.closeViaWindowManager(1));
        }
    }

    @Test
    void keysSentWithXSendEventReachAnXtWindow() throws Exception {
        try (XServer x = XServer.start()) {
            Process message = xmessage(x, "nj-harness-sendevent");
            try {
                long id = windowOf(x, message, "nj-harness-sendevent");
                x.activate(id);
                x.sendKey(id, "Return");
                assertTrue(message.waitFor(5, TimeUnit.SECONDS), "Return pressed the default button");
                assertEquals(0, message.exitValue());
            } finally {
                message.destroyForcibly();
            }
        }
    }

    @Test
    void aTakenDisplayIsRefusedByName() {
        try (XServer x = XServer.withoutWindowManager()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> XServer.options().windowManager(false).display(x.displayNumber()).start());
            assertTrue(e.getMessage().contains("display " + x.display() + " is taken"), e.getMessage());
        }
    }

    @Test
    void onDisplayStartsOnTheDisplayThisJvmsDisplayNamesWithTheCookieInItsXauthority() {
        // failsafe sets DISPLAY=:${netjourney.realDisplay} and XAUTHORITY=target/real-display/Xauthority, so an
        // in-process JavaFX test finds the server its toolkit was told about
        int number = XServer.displayFromEnvironment();
        try (XServer x = XServer.onDisplay(number)) {
            assertEquals(System.getenv("DISPLAY").replaceFirst("\\.\\d+$", ""), x.display());
            assertEquals(Path.of(System.getenv("XAUTHORITY")).toAbsolutePath(), x.xauthority());
            assertTrue(Cmd.run(Map.of(), "xdpyinfo").ok(), "this JVM's own DISPLAY and XAUTHORITY reach it");
        }
    }

    /** The window xmessage opened; if it never does, what xmessage said (it once left no window and no word). */
    private static long windowOf(XServer x, Process message, String title) throws IOException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < WINDOW_TIMEOUT.toNanos()) {
            Optional<Long> window = x.findWindow("^" + title + "$");
            if (window.isPresent()) {
                return window.get();
            }
            if (!message.isAlive()) {
                break;
            }
            XServer.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("no window " + title + " within " + WINDOW_TIMEOUT.toSeconds() + " s; xmessage "
                + (message.isAlive() ? "still runs" : "exited " + message.exitValue()) + "; visible windows: "
                + x.visibleWindowNames() + "; " + XMESSAGE_LOG + ":\n" + Files.readString(XMESSAGE_LOG));
    }

    private static Process xmessage(XServer x, String title) throws IOException {
        Files.createDirectories(XMESSAGE_LOG.getParent());
        Files.writeString(XMESSAGE_LOG, "xmessage -title " + title + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(List.of("xmessage", "-title", title, "-default", "okay",
                "hello from the netjourney real-display harness"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(XMESSAGE_LOG.toFile()));
        builder.environment().putAll(x.env());
        return builder.start();
    }
}
