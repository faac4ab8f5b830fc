package io.netjourney.ui.real;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real X display for tests: Xvfb with an MIT cookie (a client needs DISPLAY and XAUTHORITY, as on a desktop),
 * optionally openbox on it, and the xdotool / wmctrl / import calls a test drives it with.
 *
 * <pre>
 * try (XServer x = XServer.start()) {                       // a free display, 1920x1080, openbox
 *     Process p = new ProcessBuilder("xmessage", "hi").start();  // with x.env() in its environment
 *     long id = x.waitForWindow("^xmessage$", Duration.ofSeconds(5));
 *     x.closeViaWindowManager(id);
 * }
 * </pre>
 *
 * {@link #close()} ends the window manager and the server by their pids and removes the temporary files, also
 * when starting failed half-way.
 */
public final class XServer implements AutoCloseable {
    /** The tools this class calls; {@link RealDisplayExtension} skips or fails when one is missing. */
    public static final List<String> TOOLS =
            List.of("Xvfb", "xauth", "xdpyinfo", "xwininfo", "xprop", "xdotool", "wmctrl", "openbox", "import");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Options options;
    private final Path dir;
    private Process xvfb;
    private Process windowManager;
    private int number = -1;
    private Path xauthority;

    /** How to start a server: screen size, window manager or none, a requested display number. */
    public static final class Options {
        private int width = 1920;
        private int height = 1080;
        private boolean windowManager = true;
        private OptionalInt display = OptionalInt.empty();
        private Path xauthority;

        public Options size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** With (default) or without openbox. Openbox maps new windows at the size they ask for. */
        public Options windowManager(boolean on) {
            this.windowManager = on;
            return this;
        }

        /** A fixed display number instead of a free one chosen by the server (-displayfd). */
        public Options display(int number) {
            this.display = OptionalInt.of(number);
            return this;
        }

        /** Where to write the client's cookie; default a file in the server's temporary directory. */
        public Options xauthority(Path file) {
            this.xauthority = file;
            return this;
        }

        public XServer start() {
            return XServer.start(this);
        }
    }

    /** The geometry of a client window, in root coordinates, and its window manager frame (0 without one). */
    public record Geometry(int x, int y, int width, int height, int left, int right, int top, int bottom) {
        public int outerX() {
            return x - left;
        }

        public int outerY() {
            return y - top;
        }

        public int outerWidth() {
            return width + left + right;
        }

        public int outerHeight() {
            return height + top + bottom;
        }

        /** True when the window with its frame lies inside a screen of this size. */
        public boolean insideScreen(int screenWidth, int screenHeight) {
            return outerX() >= 0 && outerY() >= 0
                    && outerX() + outerWidth() <= screenWidth && outerY() + outerHeight() <= screenHeight;
        }

        @Override
        public String toString() {
            return width + "x" + height + "+" + x + "+" + y + " (frame l" + left + " r" + right + " t" + top
                    + " b" + bottom + ")";
        }
    }

    public static Options options() {
        return new Options();
    }

    /** A free display, 1920x1080x24, with openbox. */
    public static XServer start() {
        return options().start();
    }

    /** A free display, 1920x1080x24, no window manager. */
    public static XServer withoutWindowManager() {
        return options().windowManager(false).start();
    }

    /**
     * Display {@code number} (fails clearly when it is taken), 1920x1080x24, with openbox; the cookie goes to the
     * file named by this JVM's XAUTHORITY when set. For in-process JavaFX tests whose DISPLAY was fixed before
     * the toolkit started: {@code XServer.onDisplay(XServer.displayFromEnvironment())}.
     */
    public static XServer onDisplay(int number) {
        return onDisplay(number, 1920, 1080);
    }

    /** {@link #onDisplay(int)} with a screen of this size. */
    public static XServer onDisplay(int number, int width, int height) {
        Options options = options().display(number).size(width, height);
        String xauthority = System.getenv("XAUTHORITY");
        if (xauthority != null && !xauthority.isBlank()) {
            options.xauthority(Path.of(xauthority));
        }
        return options.start();
    }

    /** The display number in this JVM's DISPLAY (":147" or ":147.0"); fails when DISPLAY is unset or remote. */
    public static int displayFromEnvironment() {
        String display = System.getenv("DISPLAY");
        Matcher m = Pattern.compile("^:(\\d+)(\\.\\d+)?$").matcher(display == null ? "" : display);
        if (!m.matches()) {
            throw new IllegalStateException("DISPLAY must name a local display like ':147' (failsafe sets it from "
                    + "-Dnetjourney.realDisplay), it is " + (display == null ? "unset" : "'" + display + "'"));
        }
        return Integer.parseInt(m.group(1));
    }

    public static XServer start(Options options) {
        XServer server;
        try {
            server = new XServer(options, Files.createTempDirectory("nj-xserver-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            server.startServer();
            if (options.windowManager) {
                server.startWindowManager();
            }
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private XServer(Options options, Path dir) {
        this.options = options;
        this.dir = dir;
    }

    private void startServer() {
        if (options.display.isPresent()) {
            int n = options.display.getAsInt();
            taken(n).ifPresent(why -> {
                throw new IllegalStateException("display :" + n + " is taken (" + why + "); choose another with "
                        + "-Dnetjourney.realDisplay=N");
            });
        }
        String cookie = HexFormat.of().formatHex(randomBytes(16));
        Path serverAuth = dir.resolve("server.auth");
        // The server accepts every cookie in its -auth file whatever display the entry names, so the entry can be
        // written before the server has chosen its number.
        Cmd.run(Map.of(), "xauth", "-q", "-f", serverAuth.toString(), "add", ":0", ".", cookie).check();

        List<String> command = new java.util.ArrayList<>(List.of("Xvfb"));
        if (options.display.isPresent()) {
            command.add(":" + options.display.getAsInt());
        } else {
            command.addAll(List.of("-displayfd", "1"));
        }
        // -noreset: without it the server resets when its last client leaves (the readiness probe), and a client
        // connecting during the reset (openbox, right after) is refused
        command.addAll(List.of("-screen", "0", options.width + "x" + options.height + "x24", "-nolisten", "tcp",
                "-noreset", "-auth", serverAuth.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(dir.resolve("xvfb.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (options.display.isPresent()) {
            builder.redirectOutput(dir.resolve("xvfb.out").toFile());
        }
        try {
            xvfb = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Xvfb (apt-get install xvfb)", e);
        }
        number = options.display.isPresent() ? options.display.getAsInt() : readDisplayNumber();

        xauthority = options.xauthority != null ? options.xauthority.toAbsolutePath() : dir.resolve("Xauthority");
        try {
            Files.createDirectories(xauthority.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cmd.run(Map.of(), "xauth", "-q", "-f", xauthority.toString(), "add", display(), ".", cookie).check();

        waitUntil("Xvfb on " + display() + " to answer", () -> {
            if (!xvfb.isAlive()) {
                throw new IllegalStateException("Xvfb on " + display() + " exited " + xvfb.exitValue() + ": "
                        + log("xvfb.log"));
            }
            return Cmd.run(env(), "xdpyinfo").ok();
        });
    }

    private int readDisplayNumber() {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        }, task -> {
            Thread thread = new Thread(task, "xvfb-displayfd");
            thread.setDaemon(true);
            thread.start();
        });
        String text;
        try {
            text = line.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Xvfb did not report its display within " + START_TIMEOUT + ": "
                    + log("xvfb.log"), e);
        }
        if (text == null || !text.strip().matches("\\d+")) {
            throw new IllegalStateException("Xvfb reported no display number (" + text + "): " + log("xvfb.log"));
        }
        return Integer.parseInt(text.strip());
    }

    private void startWindowManager() {
        ProcessBuilder builder = new ProcessBuilder("openbox", "--sm-disable")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openbox.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env());
        try {
            windowManager = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start openbox (apt-get install openbox)", e);
        }
        waitUntil("openbox on " + display() + " to manage the screen", () -> {
            if (!windowManager.isAlive()) {
                throw new IllegalStateException("openbox exited " + windowManager.exitValue() + ": "
                        + log("openbox.log"));
            }
            Cmd.Result wm = Cmd.run(env(), "wmctrl", "-m");
            return wm.ok() && wm.out().contains("Openbox");
        });
    }

    /** Why display n cannot be used, if it cannot: a lock file or a socket of another server. */
    static Optional<String> taken(int n) {
        Path lock = Path.of("/tmp/.X" + n + "-lock");
        Path socket = Path.of("/tmp/.X11-unix/X" + n);
        if (Files.exists(lock)) {
            String pid = "";
            try {
                pid = " of pid " + Files.readString(lock).strip();
            } catch (IOException e) {
                // the lock's content is only for the message
            }
            return Optional.of(lock + " exists" + pid);
        }
        if (Files.exists(socket)) {
            return Optional.of(socket + " exists");
        }
        return Optional.empty();
    }

    /** ":N" */
    public String display() {
        return ":" + number;
    }

    public int displayNumber() {
        return number;
    }

    public Path xauthority() {
        return xauthority;
    }

    public int width() {
        return options.width;
    }

    public int height() {
        return options.height;
    }

    public boolean hasWindowManager() {
        return windowManager != null;
    }

    /** DISPLAY and XAUTHORITY for a child process (WAYLAND_DISPLAY emptied so toolkits pick X11). */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DISPLAY", display());
        env.put("XAUTHORITY", xauthority.toString());
        env.put("WAYLAND_DISPLAY", "");
        return env;
    }

    /** The pid of the Xvfb process. */
    public long serverPid() {
        return xvfb.pid();
    }

    // ---- windows -------------------------------------------------------------------------------------------

    /** Waits for a visible window whose name matches {@code titleRegex} (xdotool's regex) and returns its id. */
    public long waitForWindow(String titleRegex, Duration timeout) {
        long[] found = {0};
        try {
            waitUntil("a window named /" + titleRegex + "/ on " + display(), timeout, () -> {
                Optional<Long> id = findWindow(titleRegex);
                id.ifPresent(w -> found[0] = w);
                return id.isPresent();
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; visible windows: " + visibleWindowNames(), e);
        }
        return found[0];
    }

    /** The first visible window whose name matches, if there is one now. */
    public Optional<Long> findWindow(String titleRegex) {
        Cmd.Result search = xdotool("search", "--onlyvisible", "--name", titleRegex);
        return search.out().lines().map(String::strip).filter(s -> s.matches("\\d+")).map(Long::parseLong)
                .findFirst();
    }

    /** Names of all visible windows, for failure messages. */
    public List<String> visibleWindowNames() {
        return xdotool("search", "--onlyvisible", "--name", ".").out().lines().map(String::strip)
                .filter(s -> s.matches("\\d+"))
                .map(id -> id + " '" + xdotool("getwindowname", id).out().strip() + "'")
                .toList();
    }

    /** True while the window exists and is mapped. */
    public boolean isViewable(long id) {
        Cmd.Result info = Cmd.run(env(), "xwininfo", "-id", hex(id));
        return info.ok() && info.out().contains("Map State: IsViewable");
    }

    /** Waits until the window is gone or unmapped; false when it is still there after the timeout. */
    public boolean waitForWindowGone(long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isViewable(id)) {
                return true;
            }
            sleep(POLL);
        }
        return !isViewable(id);
    }

    public Geometry geometry(long id) {
        Map<String, Integer> values = new LinkedHashMap<>();
        xdotool("getwindowgeometry", "--shell", Long.toString(id)).check().out().lines()
                .map(line -> line.split("=", 2)).filter(kv -> kv.length == 2 && kv[1].strip().matches("-?\\d+"))
                .forEach(kv -> values.put(kv[0].strip(), Integer.parseInt(kv[1].strip())));
        int[] frame = {0, 0, 0, 0};
        Cmd.Result extents = Cmd.run(env(), "xprop", "-id", hex(id), "_NET_FRAME_EXTENTS");
        Matcher m = Pattern.compile("=\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(extents.out());
        if (extents.ok() && m.find()) {
            for (int i = 0; i < 4; i++) {
                frame[i] = Integer.parseInt(m.group(i + 1));
            }
        }
        return new Geometry(values.getOrDefault("X", 0), values.getOrDefault("Y", 0),
                values.getOrDefault("WIDTH", 0), values.getOrDefault("HEIGHT", 0),
                frame[0], frame[1], frame[2], frame[3]);
    }

    public String windowName(long id) {
        return xdotool("getwindowname", Long.toString(id)).check().out().strip();
    }

    /** Raises and focuses the window (through the window manager when there is one) and waits until it is. */
    public void activate(long id) {
        if (hasWindowManager()) {
            xdotool("windowactivate", "--sync", Long.toString(id)).check();
        } else {
            xdotool("windowfocus", "--sync", Long.toString(id)).check();
        }
    }

    /**
     * Presses keys ("ctrl+q", "Return") in the window as a keyboard would: focuses it ({@link #activate}), then
     * XTEST ({@code xdotool key}). GTK 3 windows (JavaFX's glass) take keys through XInput2 and never see the
     * core events {@link #sendKey} produces.
     */
    public void key(long id, String keys) {
        activate(id);
        keyToFocused(keys);
    }

    /**
     * Sends keys to the window with XSendEvent (xdotool key --window), without focusing it. Xt/Athena programs
     * take these; GTK 3 (JavaFX) ignores them. Without a window manager {@link #activate} first: xdotool fails
     * while the focus is PointerRoot.
     */
    public void sendKey(long id, String keys) {
        Cmd.Result result = xdotool("key", "--window", Long.toString(id), keys);
        // a key that closes the window (Enter on a dialog) leaves xdotool's key-up without a window: that is
        // success, not an error
        if (!result.ok() && !(result.err().contains("BadWindow") && !isViewable(id))) {
            result.check();
        }
    }

    /** Types keys into whichever window has the focus (XTEST, as a keyboard would). */
    public void keyToFocused(String keys) {
        xdotool("key", "--clearmodifiers", keys).check();
    }

    /** Types text into whichever window has the focus. */
    public void type(String text) {
        xdotool("type", "--delay", "20", "--", text).check();
    }

    /** Moves the pointer to (x, y) of the screen and clicks the left button. */
    public void click(int x, int y) {
        xdotool("mousemove", "--sync", Integer.toString(x), Integer.toString(y), "click", "1").check();
    }

    /** Asks the window manager to close the window: it sends WM_DELETE_WINDOW, as the title bar's X does. */
    public void closeViaWindowManager(long id) {
        if (!hasWindowManager()) {
            throw new IllegalStateException("closeViaWindowManager needs a window manager; this server has none");
        }
        Cmd.run(env(), "wmctrl", "-i", "-c", hex(id)).check();
    }

    /** Saves the whole screen as PNG (ImageMagick import). */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cmd.run(env(), Duration.ofSeconds(30),
                List.of("import", "-display", display(), "-window", "root", file.toString())).check();
        return file;
    }

    /** Saves one window's content as PNG (ImageMagick import -window ID). */
    public Path screenshot(long id, Path file) {
        Cmd.run(env(), Duration.ofSeconds(30),
                List.of("import", "-display", display(), "-window", hex(id), file.toString())).check();
        return file;
    }

    /**
     * Waits until the window shows more than a blank fill (a toolkit maps a window before it paints it: a key
     * pressed then can be lost). True when it did within the timeout.
     */
    public boolean waitForPainted(long id, Duration timeout) {
        Path probe = dir.resolve("paint-probe.png");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isViewable(id) && Cmd.run(env(), Duration.ofSeconds(30), List.of("import", "-display", display(),
                    "-window", hex(id), probe.toString())).ok()) {
                Pixels pixels = Pixels.load(probe);
                if (pixels.distinctColours(0, 0, pixels.width(), pixels.height(), 16) >= 16) {
                    return true;
                }
            }
            sleep(POLL);
        }
        return false;
    }

    /** The id of the window that has the input focus now, if any. */
    public Optional<Long> activeWindow() {
        Cmd.Result active = xdotool("getactivewindow");
        String id = active.out().strip();
        return active.ok() && id.matches("\\d+") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    private Cmd.Result xdotool(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add("xdotool");
        command.addAll(List.of(args));
        return Cmd.run(env(), Duration.ofSeconds(10), command);
    }

    static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    /** Ends the window manager and the server by their pids and removes the temporary directory. Idempotent. */
    @Override
    public void close() {
        end(windowManager);
        windowManager = null;
        end(xvfb);
        xvfb = null;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }

    private static void end(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String log(String name) {
        try {
            String text = Files.readString(dir.resolve(name));
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    interface Check {
        boolean ok();
    }

    private static void waitUntil(String what, Check check) {
        waitUntil(what, START_TIMEOUT, check);
    }

    /** Polls until the check passes; throws naming what it waited for when the timeout passes first. */
    static void waitUntil(String what, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (check.ok()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting " + timeout.toMillis() + " ms for " + what);
            }
            sleep(POLL);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
