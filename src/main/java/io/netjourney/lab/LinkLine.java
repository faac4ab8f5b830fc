package io.netjourney.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of {@code ip -o link show}: "5: nj-veth1@if2: &lt;BROADCAST,UP,LOWER_UP&gt; mtu 1500 ... master nj-br0 ...". */
record LinkLine(String name, Set<String> flags, Optional<String> master) {
    private static final Pattern LINE = Pattern.compile("^\\d+:\\s+([^:@\\s]+)(?:@\\S+?)?:\\s+<([^>]*)>(.*)$");
    private static final Pattern MASTER = Pattern.compile("\\smaster\\s+(\\S+)");

    boolean up() {
        return flags.contains("UP");
    }

    static List<LinkLine> parseAll(String text) {
        List<LinkLine> links = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher matcher = LINE.matcher(line.strip());
            if (matcher.matches()) {
                Matcher master = MASTER.matcher(matcher.group(3));
                links.add(new LinkLine(matcher.group(1), Set.of(matcher.group(2).split(",")),
                        master.find() ? Optional.of(master.group(1)) : Optional.empty()));
            }
        }
        return links;
    }
}
