package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import java.util.Objects;

public record NotFilter(Filter operand) implements Filter {

    public NotFilter {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public boolean matches(HopEvent event) {
        return !operand.matches(event);
    }

    @Override
    public String toString() {
        return "not " + Canonical.operand(operand, Canonical.UNARY);
    }
}
