package io.netjourney.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs root (namespaces, BPF). Tagged {@code privileged}; without root it
 * is skipped with the reason printed, unless {@code -Dnetjourney.requirePrivileged=true} (CI), where it fails.
 *
 * <pre>
 * &#64;Privileged
 * class LabTest { ... }
 * </pre>
 *
 * Code that decides at run time calls {@link PrivilegedExtension#require()} instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("privileged")
@ExtendWith(PrivilegedExtension.class)
public @interface Privileged {
}
