package io.netjourney.cli;

import io.netjourney.filter.Filter;
import io.netjourney.sinks.TraceFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** FILE [FILTER...]: the arguments of the commands that read a trace file (show, report). */
final class TraceFileArguments {
    @Parameters(index = "0", paramLabel = "FILE", description = "A trace file (.njt).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "FILTER", arity = "0..*",
            description = "Same filter language as trace; default: everything in the file.")
    List<String> filterWords;

    /** The filter, or null for everything; a bad one is a usage error. */
    Filter filter() {
        return filterWords == null || filterWords.isEmpty() ? null : FilterArguments.parse(filterWords);
    }

    /** Opens the file; a missing one is the user's error, not a stack trace. */
    TraceFileReader open() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such trace file: " + file, UserError.FAILURE);
        }
        try {
            return TraceFileReader.open(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no such trace file: " + file, UserError.FAILURE);
        }
    }
}
