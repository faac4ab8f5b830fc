package io.netjourney.cli;

import io.netjourney.bpf.RingConsumer;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --consumer mapped|libbpf, in lower case as the help shows them. */
final class ConsumerKindConverter implements ITypeConverter<RingConsumer.Kind> {
    @Override
    public RingConsumer.Kind convert(String value) {
        for (RingConsumer.Kind kind : RingConsumer.Kind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a consumer: use mapped or libbpf");
    }
}
