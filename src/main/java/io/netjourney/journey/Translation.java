package io.netjourney.journey;

/**
 * An address translation seen on a packet's way: its source and destination before and after (DNAT, SNAT,
 * masquerade — the skb stays the same, its addresses or ports change between two crossings).
 */
public record Translation(Endpoint sourceBefore, Endpoint destinationBefore, Endpoint sourceAfter,
                          Endpoint destinationAfter) {

    public boolean destinationChanged() {
        return !destinationBefore.equals(destinationAfter);
    }

    public boolean sourceChanged() {
        return !sourceBefore.equals(sourceAfter);
    }

    /** "dnat 198.51.100.65:8080 -> 198.51.100.3:80", "snat ...", or both, comma-separated. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (destinationChanged()) {
            text.append("dnat ").append(destinationBefore).append(" -> ").append(destinationAfter);
        }
        if (sourceChanged()) {
            text.append(text.length() > 0 ? ", " : "").append("snat ").append(sourceBefore).append(" -> ")
                    .append(sourceAfter);
        }
        return text.toString();
    }
}
