package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code ifname NAME}: the event happened on a device of that name, in any namespace. */
public record IfnameFilter(String name) implements Filter {
    /** IFNAMSIZ less the NUL. */
    public static final int MAX_BYTES = 15;

    public IfnameFilter {
        problem(name).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    /** Why a name cannot be a Linux interface name, or empty when it can. */
    static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("an interface name is needed");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("an interface name has no NUL character");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("interface name '" + name + "' is " + bytes + " bytes long; Linux allows at most "
                    + MAX_BYTES);
        }
        return Optional.empty();
    }

    /** The name as the kernel stores it (UTF-8, without the NUL). */
    byte[] bytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean matches(HopEvent event) {
        return name.equals(event.ifname());
    }

    @Override
    public String toString() {
        return "ifname " + name;
    }
}
