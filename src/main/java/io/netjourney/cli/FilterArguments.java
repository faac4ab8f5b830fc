package io.netjourney.cli;

import io.netjourney.filter.Filter;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.FilterSyntaxException;
import java.util.List;

/** The FILTER words of a command line, joined like tcpdump does, parsed into a filter or a usage error. */
final class FilterArguments {
    private FilterArguments() {
    }

    static Filter parse(List<String> words) {
        String expression = words == null ? "" : String.join(" ", words).trim();
        if (expression.isEmpty()) {
            return Filter.ALL_IP;
        }
        try {
            return FilterParser.parse(expression);
        } catch (FilterSyntaxException e) {
            throw new UserError(e.getMessage(), UserError.USAGE);
        }
    }
}
