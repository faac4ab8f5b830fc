package io.netjourney.cli;

import io.netjourney.filter.Filter;
import io.netjourney.session.TraceSource;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** FILE [FILTER...]: the arguments of the commands that read a trace file (show, report). */
final class TraceFileArguments {
    @Parameters(index = "0", paramLabel = "FILE", description = "A trace file (.njt), or - for stdin.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "FILTER", arity = "0..*",
            description = "Same filter language as trace; default: everything in the file.")
    List<String> filterWords;

    /** The filter, or null for everything; a bad one is a usage error. */
    Filter filter() {
        return filterWords == null || filterWords.isEmpty() ? null : FilterArguments.parse(filterWords);
    }

    /** The file as a session's source; '-' is stdin. A missing file is reported when the session opens it. */
    TraceSource source() {
        return file.toString().equals("-") ? TraceSource.stream(System.in, "stdin") : TraceSource.file(file);
    }
}
