package io.netjourney.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whether the shared libraries the window's toolkit loads (JavaFX's GTK 3 glass, its X11 and font code) are
 * installed, asked of {@code ldconfig -p} before JavaFX is touched, so that a missing GTK is a message naming
 * the packages to install rather than the toolkit's "Unable to load glass GTK library". No JavaFX here.
 */
public final class GuiRuntime {
    /** A library the JavaFX 21 natives need (readelf -d, NEEDED) and the Debian/Ubuntu package that ships it. */
    record Library(String soname, String debianPackage, boolean required) {
    }

    /** libglassgtk3.so, libglass.so and libjavafx_font_pango.so need these; libprism_es2.so the optional ones. */
    static final List<Library> LIBRARIES = List.of(
            new Library("libgtk-3.so.0", "libgtk-3-0", true),
            new Library("libgdk-3.so.0", "libgtk-3-0", true),
            new Library("libpangocairo-1.0.so.0", "libpangocairo-1.0-0", true),
            new Library("libpango-1.0.so.0", "libpango-1.0-0", true),
            new Library("libpangoft2-1.0.so.0", "libpangoft2-1.0-0", true),
            new Library("libatk-1.0.so.0", "libatk1.0-0", true),
            new Library("libcairo-gobject.so.2", "libcairo-gobject2", true),
            new Library("libcairo.so.2", "libcairo2", true),
            new Library("libgdk_pixbuf-2.0.so.0", "libgdk-pixbuf-2.0-0", true),
            new Library("libgio-2.0.so.0", "libglib2.0-0", true),
            new Library("libgobject-2.0.so.0", "libglib2.0-0", true),
            new Library("libgthread-2.0.so.0", "libglib2.0-0", true),
            new Library("libglib-2.0.so.0", "libglib2.0-0", true),
            new Library("libXtst.so.6", "libxtst6", true),
            new Library("libX11.so.6", "libx11-6", true),
            new Library("libfontconfig.so.1", "libfontconfig1", true),
            new Library("libfreetype.so.6", "libfreetype6", true),
            // without these JavaFX falls back from OpenGL (es2) to software rendering: slower, still a window
            new Library("libGL.so.1", "libgl1", false),
            new Library("libXxf86vm.so.1", "libxxf86vm1", false));

    private static final String PRISM_ORDER = "prism.order";
    private static final List<Path> LDCONFIG = List.of(Path.of("/sbin/ldconfig"), Path.of("/usr/sbin/ldconfig"));
    private static final List<Path> FONT_DIRS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"));

    /** What the look-up found: the libraries that are not installed. */
    record Report(List<Library> missing) {
        List<Library> missingRequired() {
            return missing.stream().filter(Library::required).toList();
        }

        List<Library> missingOptional() {
            return missing.stream().filter(l -> !l.required()).toList();
        }
    }

    private GuiRuntime() {
    }

    /**
     * Fails with a {@link GuiUnavailableException} naming the packages to install when a library the window
     * cannot do without is missing; warns on {@code err} about the ones it can (OpenGL) and about missing fonts.
     * Says nothing, and lets the toolkit try, when ldconfig is not there to ask.
     */
    public static void require(PrintStream err) {
        Optional<Report> report = probe();
        if (report.isEmpty()) {
            return;
        }
        List<Library> fatal = report.get().missingRequired();
        if (!fatal.isEmpty()) {
            throw unavailable(fatal);
        }
        List<Library> optional = report.get().missingOptional();
        if (!optional.isEmpty()) {
            err.println("netjourney: warning: " + sonames(optional) + " not installed: the window draws without "
                    + "OpenGL (software rendering); for OpenGL: sudo apt-get install -y " + packages(optional));
            if (System.getProperty(PRISM_ORDER) == null) {
                System.setProperty(PRISM_ORDER, "sw"); // else JavaFX prints its failure to load prism_es2 as a trace
            }
        }
        if (!fontsInstalled()) {
            err.println("netjourney: warning: no fonts found under /usr/share/fonts: the window's text may not "
                    + "show; sudo apt-get install -y fonts-dejavu-core");
        }
    }

    /** The libraries missing on this machine, or empty when ldconfig cannot be run or lists nothing. */
    static Optional<Report> probe() {
        return ldconfigOutput().map(out -> sonames(out, archTag(System.getProperty("os.arch", ""))))
                .filter(present -> !present.isEmpty())
                .map(GuiRuntime::report);
    }

    static Report report(Set<String> present) {
        return new Report(LIBRARIES.stream().filter(l -> !present.contains(l.soname())).toList());
    }

    /**
     * The library names in {@code ldconfig -p} output ("\tlibgtk-3.so.0 (libc6,x86-64) => /lib/..."), only
     * those built for {@code archTag} (the word ldconfig prints for the JVM's architecture) when it is not null,
     * so that a 32-bit library does not count for a 64-bit JVM.
     */
    static Set<String> sonames(String ldconfigOutput, String archTag) {
        Set<String> names = new HashSet<>();
        for (String line : ldconfigOutput.split("\n")) {
            String entry = line.strip();
            int open = entry.indexOf(" (");
            int close = entry.indexOf(')', open + 1);
            if (open <= 0 || close < 0 || !entry.substring(close).startsWith(") =>")) {
                continue; // the "N libs found in cache" header, or something else
            }
            List<String> flags = List.of(entry.substring(open + 2, close).split(","));
            if (archTag == null || flags.contains(archTag)) {
                names.add(entry.substring(0, open));
            }
        }
        return names;
    }

    /** How ldconfig names an architecture in its flags, or null to accept every entry. */
    static String archTag(String osArch) {
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return "x86-64";
            case "aarch64":
                return "AArch64";
            default:
                return null;
        }
    }

    /** The error for missing libraries: which ones, and the command that installs them. */
    static GuiUnavailableException unavailable(List<Library> missing) {
        return new GuiUnavailableException("the window cannot start: " + sonames(missing) + " not installed "
                + "(JavaFX draws the window with GTK 3 on X11)",
                "Install with: sudo packaging/setup   (or: sudo apt-get install -y " + packages(missing) + ")");
    }

    /**
     * The error for the toolkit's own "Unable to load glass GTK library": the libraries ldconfig misses if it
     * misses some, else GTK 3 in general (the library is listed but did not load).
     */
    static GuiUnavailableException toolkitFailed() {
        List<Library> fatal = probe().map(Report::missingRequired).orElse(List.of());
        if (!fatal.isEmpty()) {
            return unavailable(fatal);
        }
        return new GuiUnavailableException("the window cannot start: JavaFX could not load GTK 3 (libgtk-3.so.0 "
                + "and the X libraries it needs)",
                "Install with: sudo packaging/setup   (or: sudo apt-get install -y libgtk-3-0 libxtst6 libx11-6); "
                + "run with -Djdk.gtk.verbose=true to see what failed to load");
    }

    static String sonames(List<Library> libraries) {
        return String.join(", ", libraries.stream().map(Library::soname).toList());
    }

    /** The packages that ship {@code libraries}, each once, in table order. */
    static String packages(List<Library> libraries) {
        Set<String> names = new LinkedHashSet<>();
        libraries.forEach(l -> names.add(l.debianPackage()));
        return String.join(" ", names);
    }

    private static Optional<String> ldconfigOutput() {
        for (Path ldconfig : LDCONFIG) {
            if (!Files.isExecutable(ldconfig)) {
                continue;
            }
            try {
                Process process = new ProcessBuilder(ldconfig.toString(), "-p")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                process.getOutputStream().close();
                String out;
                try (InputStream in = process.getInputStream()) {
                    out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return Optional.of(out);
                }
                process.destroy();
            } catch (IOException e) {
                // try the next path; none: no answer, the toolkit will tell
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean fontsInstalled() {
        List<Path> dirs = new ArrayList<>(FONT_DIRS);
        String home = System.getProperty("user.home");
        if (home != null) {
            dirs.add(Path.of(home, ".local/share/fonts"));
            dirs.add(Path.of(home, ".fonts"));
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir, 6)) {
                if (files.anyMatch(GuiRuntime::isFont)) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                return true; // unreadable: do not warn on a guess
            }
        }
        return false;
    }

    private static boolean isFont(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc") || name.endsWith(".pfb");
    }
}
