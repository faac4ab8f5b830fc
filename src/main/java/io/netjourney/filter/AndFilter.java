package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import java.util.Objects;

public record AndFilter(Filter left, Filter right) implements Filter {

    public AndFilter {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean matches(HopEvent event) {
        return left.matches(event) && right.matches(event);
    }

    @Override
    public String toString() {
        return Canonical.binary(this, left, "and", right);
    }
}
