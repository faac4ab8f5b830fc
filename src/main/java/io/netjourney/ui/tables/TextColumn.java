package io.netjourney.ui.tables;

import java.util.function.Function;

/** A column of a table's text, for copy and CSV: its title, and each row's text ("" for none). */
public record TextColumn<S>(String title, Function<S, String> text) {
}
