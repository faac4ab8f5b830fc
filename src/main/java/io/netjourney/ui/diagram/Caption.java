package io.netjourney.ui.diagram;

import java.util.List;

/**
 * What an exported diagram says above itself: a title (the flow shown, or "all flows") and facts about what is
 * shown ("time: …", "filter: …", "host: …"), each drawn on one line, never cut.
 */
public record Caption(String title, List<String> facts) {
    public static final Caption NONE = new Caption("", List.of());

    public Caption {
        facts = List.copyOf(facts);
    }
}
