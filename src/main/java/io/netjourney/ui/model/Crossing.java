package io.netjourney.ui.model;

import io.netjourney.journey.TracedHop;

/** A retained crossing with the interface node it was on. */
record Crossing(TracedHop hop, InterfaceNode node) {
}
