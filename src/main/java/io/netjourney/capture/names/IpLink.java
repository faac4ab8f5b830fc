package io.netjourney.capture.names;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields we use from one element of {@code ip -d -j addr show} (or {@code link show}, which lacks the
 * addresses). A veth's peer is "link_index" (+ "link_netnsid") in another namespace but "link", its name, in the
 * same one.
 *
 * @param linkNetnsid the peer's namespace id, {@link #NO_NSID} when it is in this namespace
 */
record IpLink(int ifindex, String name, String kind, String linkType, String master, int linkIndex, String linkName,
        int linkNetnsid, String mac, int mtu, String operState, List<InterfaceAddress> addresses) {
    static final int NO_NSID = -1;

    static List<IpLink> parseLinks(String json) {
        List<IpLink> links = new ArrayList<>();
        for (JsonNode link : Json.tree(json)) {
            links.add(new IpLink(
                    link.path("ifindex").asInt(0),
                    link.path("ifname").asText(""),
                    link.path("linkinfo").path("info_kind").asText(""),
                    link.path("link_type").asText(""),
                    link.path("master").asText(""),
                    link.path("link_index").asInt(0),
                    link.path("link").asText(""),
                    link.path("link_netnsid").asInt(NO_NSID),
                    link.path("address").asText(""),
                    link.path("mtu").asInt(0),
                    link.path("operstate").asText(""),
                    addresses(link.path("addr_info"))));
        }
        return links;
    }

    /** nsid → iproute2 name, from {@code ip -j netns list-id}: [{"nsid":0,"name":"nj-ctr1"},{"nsid":1}]. */
    static Map<Integer, String> parseNsids(String json) {
        Map<Integer, String> names = new HashMap<>();
        for (JsonNode entry : Json.tree(json)) {
            int nsid = entry.path("nsid").asInt(NO_NSID);
            String name = entry.path("name").asText("");
            if (nsid != NO_NSID && !name.isEmpty()) {
                names.put(nsid, name);
            }
        }
        return names;
    }

    private static List<InterfaceAddress> addresses(JsonNode addrInfo) {
        List<InterfaceAddress> addresses = new ArrayList<>();
        for (JsonNode address : addrInfo) {
            String local = address.path("local").asText("");
            if (!local.isEmpty()) {
                addresses.add(InterfaceAddress.parse(local, address.path("prefixlen").asInt(0)));
            }
        }
        return addresses;
    }
}
