package io.netjourney.ui.theme;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * The dark theme is the pseudo-class {@code :dark} on a sheet's root ({@code .main-window:dark},
 * {@code .journey-diagram:dark}): switching it is a state transition the nodes' style caches answer after the first
 * time, where a style class made every node of the window match its selectors again (a CSS pass of 80–110 ms).
 */
public final class Theme {
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private Theme() {
    }

    public static void setDark(Node root, boolean dark) {
        root.pseudoClassStateChanged(DARK, dark);
    }

    public static boolean isDark(Node root) {
        return root.getPseudoClassStates().contains(DARK);
    }
}
