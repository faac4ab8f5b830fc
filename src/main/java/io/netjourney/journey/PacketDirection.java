package io.netjourney.journey;

/** Direction of a packet within its flow: the first packet seen of a flow defines "request". */
public enum PacketDirection {
    REQUEST, REPLY;

    public String label() {
        return this == REQUEST ? "request" : "reply";
    }
}
