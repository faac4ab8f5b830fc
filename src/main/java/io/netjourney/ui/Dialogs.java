package io.netjourney.ui;

import io.netjourney.ui.tables.CopyableTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File choosers and error alerts behind the toolbar's Open, Save and Export buttons and the tables' menus. */
final class Dialogs {
    private static final FileChooser.ExtensionFilter TRACES =
            new FileChooser.ExtensionFilter("netjourney traces (*.njt)", "*.njt");
    private static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG image", "*.png");
    private static final FileChooser.ExtensionFilter SVG = new FileChooser.ExtensionFilter("SVG drawing", "*.svg");
    private static final FileChooser.ExtensionFilter CSV = new FileChooser.ExtensionFilter("CSV table", "*.csv");

    private Dialogs() {
    }

    static void open(MainWindow window) {
        File file = chooser("Open a trace", TRACES, null).showOpenDialog(owner(window));
        if (file != null && window.confirmOpen(file.toPath())) {
            window.openTrace(file.toPath()).exceptionally(e -> {
                Platform.runLater(() -> error(window, "Cannot open " + file, e.getCause() != null ? e.getCause() : e));
                return null;
            });
        }
    }

    static void save(MainWindow window) {
        File file = chooser("Save the trace", TRACES, "netjourney.njt").showSaveDialog(owner(window));
        if (file != null) {
            try {
                window.saveTrace(withExtension(file, ".njt"));
            } catch (IOException | RuntimeException e) {
                error(window, "Cannot save " + file, e);
            }
        }
    }

    /** The diagram with its caption and legend, as PNG or SVG: the file's extension, else the chosen filter, says. */
    static void exportDiagram(MainWindow window) {
        FileChooser chooser = chooser("Export the diagram", PNG, "netjourney.png");
        chooser.getExtensionFilters().add(SVG);
        File file = chooser.showSaveDialog(owner(window));
        if (file != null) {
            try {
                window.exportDiagram(withExtension(file, chooser.getSelectedExtensionFilter() == SVG ? ".svg"
                        : ".png"));
            } catch (IOException | RuntimeException e) {
                error(window, "Cannot export " + file, e);
            }
        }
    }

    /** A table as shown, all its rows, as a CSV file; {@code what} names it ("hop table"). */
    static void exportTable(MainWindow window, CopyableTable<?> table, String what, String initialName) {
        File file = chooser("Export the " + what + " as CSV", CSV, initialName).showSaveDialog(owner(window));
        if (file != null) {
            try {
                window.exportTable(table, what, withExtension(file, ".csv"));
            } catch (IOException | RuntimeException e) {
                error(window, "Cannot export " + file, e);
            }
        }
    }

    /** A modal question with the action as the default button and Cancel; true when the action was chosen. */
    static boolean confirm(MainWindow window, String title, String message, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, go, ButtonType.CANCEL);
        alert.initOwner(owner(window));
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("confirm-dialog");
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(false);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    private static FileChooser chooser(String title, FileChooser.ExtensionFilter filter, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        if (initialName != null) {
            chooser.setInitialFileName(initialName);
        }
        return chooser;
    }

    private static Path withExtension(File file, String extension) {
        String name = file.getName();
        return name.contains(".") ? file.toPath() : file.toPath().resolveSibling(name + extension);
    }

    private static Window owner(MainWindow window) {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    private static void error(MainWindow window, String what, Throwable e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, what + ":\n" + e.getMessage());
        alert.initOwner(owner(window));
        alert.setHeaderText(null);
        alert.show();
    }
}
