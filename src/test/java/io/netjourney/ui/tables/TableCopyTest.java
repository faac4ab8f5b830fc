package io.netjourney.ui.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A table's text: a table's in the columns it is copied in (not those it shows), a tree table's in its visible
 * columns; rows in the order shown, the selected ones in that order too.
 */
@ExtendWith(ApplicationExtension.class)
class TableCopyTest {
    record Flow(long id, String protocol, String source) {
    }

    private TableView<Flow> table;
    private CopyableTable<Flow> copyable;
    private TreeTableView<Flow> tree;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        tree = new TreeTableView<>();
        table.getColumns().add(column("#", Flow::id));
        // two fields in one cell on screen, two columns when copied
        table.getColumns().add(column("proto\nsource", f -> f.protocol() + "\n" + f.source()));
        table.setItems(FXCollections.observableArrayList(new Flow(2, "tcp", "198.51.100.1:40000"),
                new Flow(1, "icmp", "198.51.100.2"), new Flow(3, "icmp6", "2001:db8::1")));
        copyable = new CopyableTable<>(table, table.getItems(), List.of(
                new TextColumn<>("#", f -> Long.toString(f.id())), new TextColumn<>("proto", Flow::protocol),
                new TextColumn<>("source", Flow::source)));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);

        TreeItem<Flow> root = new TreeItem<>();
        TreeItem<Flow> conversation = new TreeItem<>(new Flow(1, "icmp", "198.51.100.2"));
        conversation.getChildren().add(new TreeItem<>(new Flow(4, "icmp", "198.51.100.2")));
        conversation.setExpanded(true);
        root.getChildren().add(conversation);
        root.getChildren().add(new TreeItem<>(new Flow(5, "udp", "198.51.100.3:53")));
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.getColumns().add(treeColumn("#", Flow::id));
        tree.getColumns().add(treeColumn("proto", Flow::protocol));
        stage.setScene(new Scene(new VBox(table, tree), 600, 500));
        stage.show();
    }

    private static TableColumn<Flow, Object> column(String title, Function<Flow, Object> value) {
        TableColumn<Flow, Object> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static TreeTableColumn<Flow, Object> treeColumn(String title, Function<Flow, Object> value) {
        TreeTableColumn<Flow, Object> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue().getValue())));
        return column;
    }

    @Test
    void allRowsInTheOrderShownInTheColumnsCopiedNotThoseShown(FxRobot robot) {
        robot.interact(() -> {
            table.getSortOrder().add(table.getColumns().get(0));
            table.sort();
        });
        TextTable text = copyable.text(false);
        assertEquals(List.of("#", "proto", "source"), text.header());
        assertEquals(List.of(List.of("1", "icmp", "198.51.100.2"), List.of("2", "tcp", "198.51.100.1:40000"),
                List.of("3", "icmp6", "2001:db8::1")), text.rows(), "sorted by id as shown");
    }

    @Test
    void theSelectedRowsInTheOrderShownWhateverTheOrderTheyWereSelectedIn(FxRobot robot) {
        robot.interact(() -> {
            table.getSelectionModel().select(2);
            table.getSelectionModel().select(0);
        });
        assertEquals(List.of(List.of("2", "tcp", "198.51.100.1:40000"), List.of("3", "icmp6", "2001:db8::1")),
                copyable.text(true).rows());
    }

    @Test
    void aTreeTableGivesItsExpandedRowsAndItsSelectedOnes(FxRobot robot) {
        assertEquals(List.of(List.of("1", "icmp"), List.of("4", "icmp"), List.of("5", "udp")),
                TableCopy.text(tree, false).rows());
        robot.interact(() -> tree.getSelectionModel().select(2));
        assertEquals(List.of(List.of("5", "udp")), TableCopy.text(tree, true).rows());
        assertEquals(List.of("#", "proto"), TableCopy.text(tree, true).header());
    }
}
