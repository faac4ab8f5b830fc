package io.netjourney.ui.model;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.journey.JourneyConfig;
import io.netjourney.journey.JourneyModel;
import java.util.List;

/**
 * A view model presenting a journey model on the test's thread: events go into the model, and each batch is shown
 * through one snapshot, as the window's model worker publishes them (the selected flow's detail included).
 */
final class Presented {
    final JourneyModel journeys;
    final JourneyViewModel view;

    Presented(Names names) {
        this(names, JourneyConfig.defaults());
    }

    Presented(Names names, JourneyConfig config) {
        journeys = new JourneyModel(config);
        view = new JourneyViewModel(names);
        view.presentOnThisThread(journeys);
    }

    /** Places the events in the model, then shows what changed as one snapshot. */
    void accept(List<HopEvent> events) {
        events.forEach(journeys::accept);
        view.apply(journeys.snapshot(view.selectedId(), false));
    }
}
