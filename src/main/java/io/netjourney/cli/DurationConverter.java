package io.netjourney.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value);
    }
}
