package io.netjourney.ui.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netjourney.capture.names.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * packaging/netjourney-gui as a desktop user runs it: an unprivileged user with their own DISPLAY and XAUTHORITY,
 * sudo (a drop-in lets 'nobody' run the launcher without a password), {@code --lab} so the window opens with the
 * built-in lab up and capturing. Then the window is closed the two ways a person closes it (the window manager's
 * close button, Ctrl+Q); while capturing, netjourney asks first ("Quit netjourney?", Enter quits), and after that
 * the process, its BPF programs and the lab's namespaces must be gone within 3 s.
 *
 * <p>Starts the built-in lab (fixed namespace names): run under {@code flock /tmp/nj-lab.lock}.
 */
@RealDisplay
class LauncherRealDisplayIT {
    static final List<String> LAB_NAMESPACES = List.of("nj-host", "nj-ctr1", "nj-ctr2", "nj-router", "nj-far");
    static final String USER = "nobody";
    static final Path REPO = Path.of("").toAbsolutePath();
    static final Path GUI_LAUNCHER = REPO.resolve("packaging/netjourney-gui");
    static final Path LAUNCHER = REPO.resolve("packaging/netjourney");
    static final Path SUDOERS = Path.of("/etc/sudoers.d/nj-realdisplay-test");
    static final Path LOGS = Path.of("target", "real-display");
    /** Where java.util.prefs keeps root's remembered window (WindowPlacement): set aside, so each launch is a first. */
    static final Path REMEMBERED_WINDOW = Path.of(System.getProperty("user.home"),
            ".java/.userPrefs/io/netjourney/ui/window/prefs.xml");

    static final Duration START = Duration.ofSeconds(10);
    static final Duration QUIT = Duration.ofSeconds(3);
    static final int MIN_WIDTH = 1024;
    static final int MIN_HEIGHT = 700;

    private XServer x;
    private Path home;
    private RealScreenshots shots;
    private String test;
    private Process launched;
    private boolean labOurs;
    private Set<String> namespacesBefore = Set.of();
    private Path setAside;
    /** Failures that do not stop the test (the window's size): reported with the others at its end. */
    private final List<String> problems = new ArrayList<>();

    /** What a launch left to check: the window, the java process, its BPF programs. */
    private record Running(long window, long javaPid, Set<Long> programs, long startNanos) {
    }

    @BeforeEach
    void setUp(TestInfo info) throws IOException {
        RealDisplayExtension.requireTools(List.of("sudo", "visudo", "runuser", "bpftool", "ip"),
                "sudo util-linux bpftool iproute2");
        test = "LauncherRealDisplayIT-" + info.getTestMethod().orElseThrow().getName();
        x = XServer.start();
        shots = new RealScreenshots(x, test);
        home = Files.createTempDirectory("nj-realdisplay-home-");
        // the desktop user's own cookie file, readable only by them
        Path xauthority = home.resolve(".Xauthority");
        Files.copy(x.xauthority(), xauthority, StandardCopyOption.REPLACE_EXISTING);
        UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
        for (Path p : List.of(home, xauthority)) {
            Files.setOwner(p, users.lookupPrincipalByName(USER));
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(xauthority, PosixFilePermissions.fromString("rw-------"));
        installSudoers();
        if (Files.exists(REMEMBERED_WINDOW)) {
            setAside = Files.createTempFile("nj-remembered-window-", ".xml");
            Files.move(REMEMBERED_WINDOW, setAside, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterEach
    void tearDown() {
        List<Runnable> steps = List.of(
                this::endLaunchedTree,
                this::removeLeftoverLab,
                this::removeSudoers,
                this::putBackRememberedWindow,
                () -> {
                    if (x != null) {
                        x.close();
                    }
                },
                () -> deleteTree(home));
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Test
    void closingThroughTheWindowManagerAsksFirstThenQuitsAndLeavesNothing() {
        Running running = launch();
        x.closeViaWindowManager(running.window());
        confirmQuit(running);
    }

    @Test
    void ctrlQAsksFirstThenQuitsAndLeavesNothing() {
        Running running = launch();
        x.key(running.window(), "ctrl+q");
        confirmQuit(running);
    }

    /** Runs the launcher as the desktop user would and checks the window, root, the lab and capture. */
    private Running launch() {
        namespacesBefore = namespaces();
        List<String> busy = LAB_NAMESPACES.stream().filter(namespacesBefore::contains).toList();
        assertTrue(busy.isEmpty(), "the lab's namespaces " + busy + " exist before the launch: another test is "
                + "using the lab (run lab tests under flock /tmp/nj-lab.lock)");
        if (Cmd.onPath("pkexec")) {
            System.out.println("NOTE: pkexec is installed, so packaging/netjourney-gui takes pkexec rather than "
                    + "sudo; that needs a running polkit daemon and an authentication agent on the display");
        }
        Path log = LOGS.resolve(test + "-launcher.log").toAbsolutePath();
        List<String> command = List.of("runuser", "-u", USER, "--", "env", "-i",
                "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + home, "USER=" + USER, "LOGNAME=" + USER,
                "LANG=C.UTF-8", "DISPLAY=" + x.display(), "XAUTHORITY=" + home.resolve(".Xauthority"),
                GUI_LAUNCHER.toString(), "--lab");
        long start = System.nanoTime();
        try {
            Files.createDirectories(LOGS);
            labOurs = true;
            launched = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }

        Optional<Long> window = Optional.empty();
        while (window.isEmpty() && !overdue(start, START)) {
            if (!launched.isAlive()) {
                fail("the launcher exited " + launched.exitValue() + " before a window appeared: " + tail(log));
            }
            window = x.findWindow("^netjourney");
            XServer.sleep(Duration.ofMillis(100));
        }
        if (window.isEmpty()) {
            shots.tryShot("no-window");
            fail("no window named 'netjourney...' within " + START.toSeconds() + " s of the launch; visible: "
                    + x.visibleWindowNames() + "; launcher log: " + tail(log));
        }
        long id = window.get();
        System.out.printf("%s: window %s '%s' after %d ms%n", test, XServer.hex(id), x.windowName(id),
                (System.nanoTime() - start) / 1_000_000);
        shots.shot("window-appeared");

        long javaPid = javaPid(start, log);
        assertEquals("0", uid(javaPid), "the window's java process (pid " + javaPid + ") runs as root");

        System.out.println(test + ": window geometry when it appeared " + x.geometry(id));

        Set<String> missing = new TreeSet<>(LAB_NAMESPACES);
        Set<Long> programs = Set.of();
        while (!overdue(start, START) && (!missing.isEmpty() || programs.isEmpty())) {
            missing.removeAll(namespaces());
            programs = programsOf(javaPid);
            XServer.sleep(Duration.ofMillis(200));
        }
        missing.removeAll(namespaces());
        programs = programsOf(javaPid);
        shots.shot("lab-running");
        System.out.println(test + ": BPF programs of java " + javaPid + ": " + programs);
        // the size a person works with: measured once the window has settled (it may map small and grow)
        XServer.Geometry g = x.geometry(id);
        System.out.println(test + ": window geometry with the lab running " + g);
        if (!g.insideScreen(x.width(), x.height())) {
            problems.add("the window with its frame (" + g + ") does not fit the " + x.width() + "x" + x.height()
                    + " screen");
        }
        if (g.width() < MIN_WIDTH || g.height() < MIN_HEIGHT) {
            problems.add("the window is " + g.width() + "x" + g.height() + ", smaller than " + MIN_WIDTH + "x"
                    + MIN_HEIGHT);
        }
        List<String> labProblems = new ArrayList<>();
        if (!missing.isEmpty()) {
            labProblems.add("--lab: the lab's namespaces " + missing + " do not exist " + START.toSeconds()
                    + " s after the launch");
        }
        if (programs.isEmpty()) {
            labProblems.add("--lab: no BPF program named nj_* is held by java " + javaPid + " "
                    + START.toSeconds() + " s after the launch (no live capture)");
        }
        if (!labProblems.isEmpty()) {
            // without the lab and a capture the quit question has nothing to protect: stop here
            labProblems.addAll(problems);
            fail(String.join("; ", labProblems) + "; launcher log: " + tail(log));
        }
        return new Running(id, javaPid, programs, start);
    }

    /** Waits for the quit question, answers it with Enter and checks that everything is gone within 3 s. */
    private void confirmQuit(Running running) {
        long dialog;
        try {
            dialog = x.waitForWindow("^Quit netjourney\\?$", Duration.ofSeconds(5));
        } catch (IllegalStateException e) {
            shots.tryShot("no-dialog");
            throw new AssertionError("closing while capturing asks first in a dialog titled 'Quit netjourney?': "
                    + e.getMessage(), e);
        }
        // a person reads the question before pressing Enter: wait until the dialog is painted (JavaFX maps it
        // blank first) and has the focus
        if (!x.waitForPainted(dialog, Duration.ofSeconds(5))) {
            problems.add("the quit dialog stayed blank for 5 s");
        }
        shots.shot("dialog");
        Optional<Long> active = x.activeWindow();
        if (!active.equals(Optional.of(dialog))) {
            System.out.println("NOTE: the quit dialog is not the active window (active: "
                    + active.map(XServer::hex).orElse("none") + "); activating it before pressing Enter");
            x.activate(dialog);
        }
        long enter = System.nanoTime();
        x.key(dialog, "Return");

        ProcessHandle java = ProcessHandle.of(running.javaPid()).orElse(null);
        while (java != null && java.isAlive() && !overdue(enter, QUIT)) {
            XServer.sleep(Duration.ofMillis(50));
        }
        if (java != null && java.isAlive()) {
            problems.add("java " + running.javaPid() + " still runs " + QUIT.toSeconds() + " s after Enter");
        }
        while (launched.isAlive() && !overdue(enter, QUIT)) {
            XServer.sleep(Duration.ofMillis(50));
        }
        if (launched.isAlive()) {
            problems.add("the launcher (sudo) still runs " + QUIT.toSeconds() + " s after Enter");
        } else if (launched.exitValue() != 0) {
            problems.add("the launcher exited " + launched.exitValue() + " after a quit the user confirmed");
        }
        Set<Long> loaded = loadedOf(running.programs());
        Set<String> lab = labLeft();
        while ((!loaded.isEmpty() || !lab.isEmpty()) && !overdue(enter, QUIT)) {
            XServer.sleep(Duration.ofMillis(100));
            loaded = loadedOf(running.programs());
            lab = labLeft();
        }
        if (!loaded.isEmpty()) {
            problems.add("BPF programs " + loaded + " are still loaded " + QUIT.toSeconds() + " s after Enter");
        }
        if (!lab.isEmpty()) {
            problems.add("namespaces " + lab + " are left " + QUIT.toSeconds() + " s after Enter");
        }
        if (x.isViewable(running.window())) {
            problems.add("the window is still on the screen");
        }
        shots.shot("after-close");
        checkRemembered();
        if (!problems.isEmpty()) {
            fail(String.join("; ", problems));
        }
        System.out.printf("%s: quit, programs unloaded and lab removed %d ms after Enter%n", test,
                (System.nanoTime() - enter) / 1_000_000);
    }

    // ---- the launched process ------------------------------------------------------------------------------

    /** The java process below the launch (runuser → sudo → env → packaging/netjourney → java). */
    private long javaPid(long start, Path log) {
        while (true) {
            Optional<ProcessHandle> java = launched.toHandle().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst();
            if (java.isPresent()) {
                return java.get().pid();
            }
            if (overdue(start, START.plusSeconds(5))) {
                fail("no java process below the launcher; processes: " + launched.toHandle().descendants()
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList() + "; log: "
                        + tail(log));
            }
            XServer.sleep(Duration.ofMillis(100));
        }
    }

    /** The effective uid of a process, from /proc/PID/status. */
    static String uid(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("Uid:")).map(line -> line.split("\\s+")[2]).findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "gone";
        }
    }

    /** Ends whatever still runs of the launch, children first, by pid: SIGTERM, then SIGKILL after 3 s. */
    private void endLaunchedTree() {
        if (launched == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(launched.toHandle().descendants().toList());
        tree.sort(Comparator.comparingLong(ProcessHandle::pid).reversed());
        tree.add(launched.toHandle());
        tree.stream().filter(ProcessHandle::isAlive).forEach(p -> {
            System.out.println("cleanup: ending pid " + p.pid() + " " + p.info().commandLine().orElse(""));
            p.destroy();
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            XServer.sleep(Duration.ofMillis(100));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    // ---- the lab and BPF -----------------------------------------------------------------------------------

    static Set<String> namespaces() {
        return Cmd.run(Map.of(), "ip", "netns", "list").check().out().lines()
                .map(line -> line.split("\\s+")[0]).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The lab's namespaces, and any other nj-* namespace that appeared since the launch. */
    private Set<String> labLeft() {
        return namespaces().stream()
                .filter(n -> LAB_NAMESPACES.contains(n) || (n.startsWith("nj-") && !namespacesBefore.contains(n)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void removeLeftoverLab() {
        if (!labOurs) {
            return;
        }
        for (String ns : labLeft()) {
            System.out.println("cleanup: ip netns del " + ns);
            Cmd.run(Map.of(), "ip", "netns", "del", ns);
        }
    }

    /**
     * Ids of the BPF programs named nj_* that process pid holds: the prog_id of its bpf-prog and bpf_link file
     * descriptors (/proc/PID/fdinfo). Debian's bpftool 7.1 is built without the pid iterator, so its
     * {@code pids} field is absent and cannot say who holds a program.
     */
    static Set<Long> programsOf(long pid) {
        Set<Long> held = new TreeSet<>();
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        try (Stream<Path> links = Files.list(fds)) {
            for (Path fd : links.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (!target.equals("anon_inode:bpf-prog") && !target.equals("anon_inode:bpf_link")) {
                    continue;
                }
                try {
                    Files.readAllLines(Path.of("/proc", Long.toString(pid), "fdinfo", fd.getFileName().toString()))
                            .stream().filter(line -> line.startsWith("prog_id:"))
                            .map(line -> Long.parseLong(line.substring("prog_id:".length()).strip()))
                            .forEach(held::add);
                } catch (IOException | NumberFormatException e) {
                    // the descriptor closed meanwhile
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return programs().stream()
                .filter(p -> p.get("name") instanceof String name && name.startsWith("nj_"))
                .map(p -> ((Number) p.get("id")).longValue())
                .filter(held::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Which of these program ids are still loaded. */
    static Set<Long> loadedOf(Set<Long> ids) {
        Set<Long> loaded = programs().stream().map(p -> ((Number) p.get("id")).longValue())
                .collect(Collectors.toSet());
        return ids.stream().filter(loaded::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Map<String, Object>> programs() {
        Cmd.Result show = Cmd.run(Map.of(), "bpftool", "prog", "show", "--json").check();
        return Json.array(Json.parse(show.out())).stream().map(Json::object).toList();
    }

    // ---- sudo ----------------------------------------------------------------------------------------------

    /** A drop-in letting USER run the launcher's sudo line without a password, checked with visudo first. */
    private void installSudoers() throws IOException {
        // the line packaging/netjourney-gui runs: sudo env DISPLAY=… XAUTHORITY=… … packaging/netjourney gui [ARGS]
        String command = "/usr/bin/env DISPLAY=* " + LAUNCHER.toRealPath() + " gui";
        String rule = "# written by netjourney's LauncherRealDisplayIT, removed when the test ends\n"
                + USER + " ALL=(root) NOPASSWD: " + command + ", " + command + " *\n";
        Path draft = Files.createTempFile(SUDOERS.getParent(), ".nj-realdisplay-", ".tmp");
        try {
            Files.writeString(draft, rule);
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("r--r-----"));
            Cmd.run(Map.of(), "visudo", "-cf", draft.toString()).check();
            Files.move(draft, SUDOERS, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private void removeSudoers() {
        try {
            Files.deleteIfExists(SUDOERS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + SUDOERS, e);
        }
    }

    /** Root's remembered window as it was before the test (none, if there was none). */
    private void putBackRememberedWindow() {
        try {
            if (setAside != null) {
                Files.createDirectories(REMEMBERED_WINDOW.getParent());
                Files.move(setAside, REMEMBERED_WINDOW, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(REMEMBERED_WINDOW);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot put back " + REMEMBERED_WINDOW, e);
        }
    }

    /** The size the quit left for the next run: a window the window manager shrank for a moment must not be it. */
    private void checkRemembered() {
        String xml;
        try {
            xml = Files.readString(REMEMBERED_WINDOW);
        } catch (IOException e) {
            problems.add("the quit left no remembered window size in " + REMEMBERED_WINDOW + ": " + e.getMessage());
            return;
        }
        Matcher width = Pattern.compile("key=\"width\" value=\"([0-9.]+)\"").matcher(xml);
        Matcher height = Pattern.compile("key=\"height\" value=\"([0-9.]+)\"").matcher(xml);
        if (!width.find() || !height.find()) {
            problems.add("the remembered window has no size: " + xml);
        } else if (Double.parseDouble(width.group(1)) < MIN_WIDTH
                || Double.parseDouble(height.group(1)) < MIN_HEIGHT) {
            problems.add("the next run would open at the remembered " + width.group(1) + "x" + height.group(1)
                    + ", smaller than " + MIN_WIDTH + "x" + MIN_HEIGHT);
        }
    }

    // ---- small things --------------------------------------------------------------------------------------

    private static boolean overdue(long startNanos, Duration limit) {
        return System.nanoTime() - startNanos > limit.toNanos();
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log).strip();
            return text.isEmpty() ? "(empty)" : text.length() > 3000 ? "..." + text.substring(text.length() - 3000)
                    : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }
}
