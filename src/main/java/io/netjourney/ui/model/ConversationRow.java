package io.netjourney.ui.model;

import io.netjourney.journey.ConversationStatistics;
import io.netjourney.journey.FlowStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One conversation of the flows list (both ends and the protocol, see {@link io.netjourney.journey.ConversationKey})
 * with its flows beneath it. Like {@link FlowRow} it stays for the conversation's life and changes in place.
 *
 * <ul>
 *   <li>{@code source}/{@code destination}: the addresses of the request side and the other (of its latest flow),
 *       MAC addresses where not IP; {@code label} is "source → destination"</li>
 *   <li>{@code flowCount}: its flows retained; {@code packets}: packets seen in it</li>
 *   <li>{@code state}: its latest flow's; {@code latestFlowId}: what selecting it selects</li>
 *   <li>{@code seen}, {@code lossPercent} (NaN when nothing seen), {@code lastUs}/{@code avgUs}/{@code bestUs}/
 *       {@code worstUs} (NaN when no sample) and {@code historyUs} (the newest latencies, oldest first): the model's
 *       running figures ({@link ConversationStatistics})</li>
 * </ul>
 */
public final class ConversationRow implements ListedRow {
    private final ReadOnlyLongWrapper id;
    private final ReadOnlyStringWrapper protocol;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper destination = new ReadOnlyStringWrapper(this, "destination", "");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final ReadOnlyIntegerWrapper flowCount = new ReadOnlyIntegerWrapper(this, "flowCount");
    private final ReadOnlyLongWrapper packets = new ReadOnlyLongWrapper(this, "packets");
    private final ReadOnlyLongWrapper seen = new ReadOnlyLongWrapper(this, "seen");
    private final ReadOnlyLongWrapper lastSeenNs = new ReadOnlyLongWrapper(this, "lastSeenNs");
    private final ReadOnlyLongWrapper latestFlowId = new ReadOnlyLongWrapper(this, "latestFlowId");
    private final ReadOnlyObjectWrapper<FlowStatus> state =
            new ReadOnlyObjectWrapper<>(this, "state", FlowStatus.INCOMPLETE);
    private final ReadOnlyDoubleWrapper lossPercent = new ReadOnlyDoubleWrapper(this, "lossPercent", Double.NaN);
    private final ReadOnlyDoubleWrapper lastUs = new ReadOnlyDoubleWrapper(this, "lastUs", Double.NaN);
    private final ReadOnlyDoubleWrapper avgUs = new ReadOnlyDoubleWrapper(this, "avgUs", Double.NaN);
    private final ReadOnlyDoubleWrapper bestUs = new ReadOnlyDoubleWrapper(this, "bestUs", Double.NaN);
    private final ReadOnlyDoubleWrapper worstUs = new ReadOnlyDoubleWrapper(this, "worstUs", Double.NaN);
    private final ReadOnlyObjectWrapper<List<Double>> historyUs =
            new ReadOnlyObjectWrapper<>(this, "historyUs", List.of());
    private final ObservableList<FlowRow> flows = FXCollections.observableArrayList();
    private final ObservableList<FlowRow> flowsView = FXCollections.unmodifiableObservableList(flows);
    private final boolean linkChatter;

    ConversationRow(long id, String protocol, boolean linkChatter) {
        this.id = new ReadOnlyLongWrapper(this, "id", id);
        this.protocol = new ReadOnlyStringWrapper(this, "protocol", protocol);
        this.linkChatter = linkChatter;
    }

    /** Sets what changed; each property fires only if its value did. */
    void update(String sourceText, String destinationText, int flowsRetained, long packetCount, long latestFlow,
            FlowStatus status, long lastSeen, ConversationStatistics statistics) {
        source.set(sourceText);
        destination.set(destinationText);
        label.set(sourceText + " → " + destinationText);
        flowCount.set(flowsRetained);
        packets.set(packetCount);
        latestFlowId.set(latestFlow);
        state.set(status);
        lastSeenNs.set(lastSeen);
        seen.set(statistics.seen());
        lossPercent.set(statistics.seen() == 0 ? Double.NaN : statistics.lossPercent());
        lastUs.set(micros(statistics.lastNs()));
        avgUs.set(statistics.meanNs() / 1_000);
        bestUs.set(micros(statistics.bestNs()));
        worstUs.set(micros(statistics.worstNs()));
        List<Double> history = new ArrayList<>(statistics.historyNs().size());
        for (long ns : statistics.historyNs()) {
            history.add(Micros.of(ns));
        }
        if (!history.equals(historyUs.get())) {
            historyUs.set(List.copyOf(history));
        }
    }

    private static double micros(long ns) {
        return ns < 0 ? Double.NaN : Micros.of(ns);
    }

    /** Its flows retained, in first-seen order; rows change in place. */
    public ObservableList<FlowRow> flows() {
        return flowsView;
    }

    void addFlows(List<FlowRow> added) {
        flows.addAll(added);
    }

    void removeFlows(List<FlowRow> gone) {
        flows.removeAll(gone);
    }

    @Override
    public boolean isLinkChatter() {
        return linkChatter;
    }

    public long getId() {
        return id.get();
    }

    public ReadOnlyLongProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    @Override
    public String getProtocol() {
        return protocol.get();
    }

    @Override
    public ReadOnlyStringProperty protocolProperty() {
        return protocol.getReadOnlyProperty();
    }

    @Override
    public String getSource() {
        return source.get();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    @Override
    public String getDestination() {
        return destination.get();
    }

    public ReadOnlyStringProperty destinationProperty() {
        return destination.getReadOnlyProperty();
    }

    @Override
    public String getLabel() {
        return label.get();
    }

    @Override
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public int getFlowCount() {
        return flowCount.get();
    }

    public ReadOnlyIntegerProperty flowCountProperty() {
        return flowCount.getReadOnlyProperty();
    }

    public long getPackets() {
        return packets.get();
    }

    @Override
    public ReadOnlyLongProperty packetsProperty() {
        return packets.getReadOnlyProperty();
    }

    public long getSeen() {
        return seen.get();
    }

    public ReadOnlyLongProperty seenProperty() {
        return seen.getReadOnlyProperty();
    }

    public long getLastSeenNs() {
        return lastSeenNs.get();
    }

    @Override
    public ReadOnlyLongProperty lastSeenNsProperty() {
        return lastSeenNs.getReadOnlyProperty();
    }

    public long getLatestFlowId() {
        return latestFlowId.get();
    }

    public ReadOnlyLongProperty latestFlowIdProperty() {
        return latestFlowId.getReadOnlyProperty();
    }

    @Override
    public FlowStatus getState() {
        return state.get();
    }

    @Override
    public ReadOnlyObjectProperty<FlowStatus> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public double getLossPercent() {
        return lossPercent.get();
    }

    public ReadOnlyDoubleProperty lossPercentProperty() {
        return lossPercent.getReadOnlyProperty();
    }

    public double getLastUs() {
        return lastUs.get();
    }

    public ReadOnlyDoubleProperty lastUsProperty() {
        return lastUs.getReadOnlyProperty();
    }

    public double getAvgUs() {
        return avgUs.get();
    }

    public ReadOnlyDoubleProperty avgUsProperty() {
        return avgUs.getReadOnlyProperty();
    }

    public double getBestUs() {
        return bestUs.get();
    }

    public ReadOnlyDoubleProperty bestUsProperty() {
        return bestUs.getReadOnlyProperty();
    }

    public double getWorstUs() {
        return worstUs.get();
    }

    public ReadOnlyDoubleProperty worstUsProperty() {
        return worstUs.getReadOnlyProperty();
    }

    public List<Double> getHistoryUs() {
        return historyUs.get();
    }

    public ReadOnlyObjectProperty<List<Double>> historyUsProperty() {
        return historyUs.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "conversation " + getId() + " " + getProtocol() + " " + getLabel();
    }
}
