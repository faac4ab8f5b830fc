package io.netjourney.ui.model;

/**
 * What the details pane shows for an interface of the diagram.
 *
 * @param id            the diagram id ("inode:ifindex")
 * @param kind          veth, bridge, loopback, physical, tunnel, vlan or other
 * @param namespace     the namespace label (name, or the inode as text)
 * @param masterId      the id of its master (bridge) in the same namespace, or null
 * @param masterName    the master's name when the master was seen, "ifindex N" when not; null without master
 * @param peerId        the inferred veth peer, or null: a veth whose packets were sent (tx) and next received (rx)
 *                      on a veth in another namespace has that veth as its peer (first such step wins)
 * @param peerName      the peer's interface name, or null
 * @param peerNamespace the peer's namespace label, or null
 */
public record NodeDetails(String id, String kind, int ifindex, String name, long netnsInode, String namespace,
                          String masterId, String masterName, String peerId, String peerName,
                          String peerNamespace) {
}
