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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One conversation of the flows list (both ends and the protocol, see {@link io.netjourney.journey.ConversationKey})
 * with its flows beneath it; see {@link ListedRow} for the columns it shares with them.
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
public final class ConversationRow extends ListedRow {
    private final ReadOnlyIntegerWrapper flowCount = new ReadOnlyIntegerWrapper(this, "flowCount");
    private final ReadOnlyLongWrapper seen = new ReadOnlyLongWrapper(this, "seen");
    private final ReadOnlyLongWrapper latestFlowId = new ReadOnlyLongWrapper(this, "latestFlowId");
    private final ReadOnlyDoubleWrapper lossPercent = new ReadOnlyDoubleWrapper(this, "lossPercent", Double.NaN);
    private final ReadOnlyDoubleWrapper lastUs = new ReadOnlyDoubleWrapper(this, "lastUs", Double.NaN);
    private final ReadOnlyDoubleWrapper avgUs = new ReadOnlyDoubleWrapper(this, "avgUs", Double.NaN);
    private final ReadOnlyDoubleWrapper bestUs = new ReadOnlyDoubleWrapper(this, "bestUs", Double.NaN);
    private final ReadOnlyDoubleWrapper worstUs = new ReadOnlyDoubleWrapper(this, "worstUs", Double.NaN);
    private final ReadOnlyObjectWrapper<List<Double>> historyUs =
            new ReadOnlyObjectWrapper<>(this, "historyUs", List.of());
    private final ObservableList<FlowRow> flows = FXCollections.observableArrayList();
    private final ObservableList<FlowRow> flowsView = FXCollections.unmodifiableObservableList(flows);

    ConversationRow(long id, String protocol, boolean linkChatter) {
        super(id, protocol, "", "", "", linkChatter);
    }

    /**
     * Sets what changed; each property fires only if its value did.
     *
     * @param seenCount  packets seen (the kernel's exact count where it counts, see ConversationView#seen)
     * @param statistics loss and latencies, of the packets the model got
     */
    void update(String sourceText, String destinationText, int flowsRetained, long packetCount, long latestFlow,
            FlowStatus status, long lastSeen, long seenCount, ConversationStatistics statistics) {
        updateEnds(sourceText + " → " + destinationText, sourceText, destinationText);
        updateCommon(packetCount, lastSeen, status);
        flowCount.set(flowsRetained);
        latestFlowId.set(latestFlow);
        seen.set(seenCount);
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

    public int getFlowCount() {
        return flowCount.get();
    }

    public ReadOnlyIntegerProperty flowCountProperty() {
        return flowCount.getReadOnlyProperty();
    }

    public long getSeen() {
        return seen.get();
    }

    public ReadOnlyLongProperty seenProperty() {
        return seen.getReadOnlyProperty();
    }

    public long getLatestFlowId() {
        return latestFlowId.get();
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
