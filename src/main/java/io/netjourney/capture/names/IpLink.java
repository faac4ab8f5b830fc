package io.netjourney.capture.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fields we use from one element of {@code ip -d -j link show}; -1 for a missing link_netnsid. */
record IpLink(int ifindex, String name, String kind, String linkType, String master, int linkIndex, int linkNetnsid) {
    static final int NO_NSID = -1;

    static List<IpLink> parseLinks(String json) {
        List<IpLink> links = new ArrayList<>();
        for (Object element : Json.array(Json.parse(json))) {
            Map<String, Object> link = Json.object(element);
            links.add(new IpLink(
                    integer(link.get("ifindex"), 0),
                    text(link.get("ifname")),
                    text(Json.object(link.get("linkinfo")).get("info_kind")),
                    text(link.get("link_type")),
                    text(link.get("master")),
                    integer(link.get("link_index"), 0),
                    integer(link.get("link_netnsid"), NO_NSID)));
        }
        return links;
    }

    /** nsid → iproute2 name, from {@code ip -j netns list-id}: [{"nsid":0,"name":"nj-ctr1"},{"nsid":1}]. */
    static Map<Integer, String> parseNsids(String json) {
        Map<Integer, String> names = new HashMap<>();
        for (Object element : Json.array(Json.parse(json))) {
            Map<String, Object> entry = Json.object(element);
            int nsid = integer(entry.get("nsid"), NO_NSID);
            String name = text(entry.get("name"));
            if (nsid != NO_NSID && !name.isEmpty()) {
                names.put(nsid, name);
            }
        }
        return names;
    }

    private static int integer(Object value, int missing) {
        return value instanceof Number number ? number.intValue() : missing;
    }

    private static String text(Object value) {
        return value instanceof String string ? string : "";
    }
}
