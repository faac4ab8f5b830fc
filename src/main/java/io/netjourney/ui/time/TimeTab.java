package io.netjourney.ui.time;

import io.netjourney.journey.FlowDetail;
import java.util.function.LongFunction;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.util.Duration;

/**
 * The "Time" tab: the selected flow's {@link TimeView}. It draws only while it is the tab shown, at most
 * {@value #MAX_PER_SECOND} times a second (a live flow's detail arrives with every snapshot).
 */
public final class TimeTab extends Tab {
    static final int MAX_PER_SECOND = 4;
    private static final long MIN_INTERVAL_NS = 1_000_000_000L / MAX_PER_SECOND;

    private final TimeView view = new TimeView();
    private final ObservableValue<FlowDetail> detail;
    private final LongFunction<String> namespaces;
    private final PauseTransition later = new PauseTransition();
    private long drawnAtNs = Long.MIN_VALUE;
    private FlowDetail drawn;

    /**
     * @param detail     the selected flow's detail (null: none)
     * @param namespaces a namespace's label from its inode
     */
    public TimeTab(ObservableValue<FlowDetail> detail, LongFunction<String> namespaces) {
        super("Time");
        setId("time-tab");
        view.setId("time-view");
        setContent(view);
        this.detail = detail;
        this.namespaces = namespaces;
        later.setOnFinished(e -> draw());
        detail.addListener((obs, old, now) -> changed());
        selectedProperty().addListener((obs, old, selected) -> changed());
    }

    public TimeView view() {
        return view;
    }

    private void changed() {
        if (!isSelected() || detail.getValue() == drawn) {
            return;
        }
        long since = System.nanoTime() - drawnAtNs;
        boolean otherFlow = drawn == null || detail.getValue() == null
                || drawn.flow().flowId() != detail.getValue().flow().flowId();
        if (otherFlow || since >= MIN_INTERVAL_NS) {
            later.stop();
            draw();
        } else if (later.getStatus() != PauseTransition.Status.RUNNING) {
            later.setDuration(Duration.millis((MIN_INTERVAL_NS - since) / 1e6));
            later.playFromStart();
        }
    }

    private void draw() {
        drawn = detail.getValue();
        drawnAtNs = System.nanoTime();
        view.show(drawn, namespaces);
    }
}
