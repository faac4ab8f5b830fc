package io.netjourney.ui.real;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that drives a real X display (Xvfb + openbox + xdotool) as root. Such classes are named
 * {@code *RealDisplayIT} and run in Maven's failsafe phase, after the jar is built. Without root or the X tools
 * they are skipped with the reason printed, unless {@code -Dnetjourney.requirePrivileged=true} (CI): then they fail.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-display")
@ExtendWith(RealDisplayExtension.class)
public @interface RealDisplay {
}
