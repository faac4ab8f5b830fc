package io.netjourney.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The exported picture: caption above the diagram, legend below, as PNG and as SVG, nothing cut. */
@ExtendWith(ApplicationExtension.class)
class DiagramExportTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Caption CAPTION = new Caption("flow 3 · icmp 198.51.100.2 → 198.51.100.3",
            List.of("time: +0.120 s to +2.250 s (2.130 s)", "filter: icmp", "host: lab-machine"));
    private static final int REQUEST_COLOUR = 0xd9730d;
    private static final int BACKGROUND = 0xf4f6f9;

    private final DiagramLayout layout = DiagramLayout.of(DiagramFixtures.dockerLike());

    @Test
    void thePngHasTheCaptionAboveTheDiagramAndTheLegendBelow() throws Exception {
        WritableImage image = DiagramExport.render(DiagramFixtures.dockerLike(), DiagramFixtures.pingCtr1ToCtr2(),
                CAPTION, 2, false);
        DiagramExport.writePng(image, SCREENSHOTS.resolve("export-captioned.png"));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        assertEquals(2 * layout.width(), width, 1, "as wide as the diagram (wider than the caption needs)");
        assertTrue(height > 2 * layout.height() + 2 * 60, "taller than the diagram by a caption and a legend: "
                + height);
        int diagramTop = firstRowOf(image, BACKGROUND, height / 3);
        assertTrue(diagramTop > 40, "a caption band above the diagram: " + diagramTop);
        assertTrue(inkRows(image, 0, diagramTop) >= 20, "text drawn in the caption band");
        int legendTop = (int) (diagramTop + 2 * layout.height());
        assertTrue(countNear(image, REQUEST_COLOUR, legendTop, height) > 50,
                "the legend's request-path sample in the request colour");
    }

    @Test
    void theSvgParsesAndNamesEveryInterfaceNamespaceCaptionAndLegendEntry() throws Exception {
        String svg = DiagramExport.renderSvg(DiagramFixtures.dockerLike(), DiagramFixtures.pingCtr1ToCtr2(), CAPTION,
                false);
        DiagramExport.writeSvg(svg, SCREENSHOTS.resolve("export-captioned.svg"));
        Document doc = SvgWriterTest.parse(svg);
        List<String> texts = texts(doc);
        for (DiagramGraph.Interface iface : DiagramFixtures.dockerLike().interfaces()) {
            assertTrue(texts.contains(iface.name()), iface.name() + " in " + texts);
        }
        List<String> titles = elementTexts(doc, "title");
        for (DiagramGraph.Namespace ns : DiagramFixtures.dockerLike().namespaces()) {
            assertTrue(texts.contains(ns.label()), ns + " in " + texts);
            assertTrue(titles.contains(ns.label() + "\nnetns inode " + ns.inode()), "its inode in a title: " + titles);
        }
        assertTrue(texts.contains(CAPTION.title()), "the caption's title");
        assertTrue(texts.containsAll(CAPTION.facts()), "the caption's facts");
        assertTrue(texts.contains("where the flow's packets were dropped"), "the legend");
        for (Highlight.PathEdge step : DiagramFixtures.pingCtr1ToCtr2().request()) {
            assertTrue(texts.contains(step.label()), "the hop label " + step.label());
        }
        assertEquals(DiagramFixtures.pingCtr1ToCtr2().request().size() + 1, classed(doc, "request-edge"),
                "one path per request step, and the legend's sample");
        Element root = doc.getDocumentElement();
        assertEquals(layout.width(), Double.parseDouble(root.getAttribute("width")), 0.5);
        assertTrue(Double.parseDouble(root.getAttribute("height")) > layout.height() + 120);
    }

    @Test
    void aCaptionLineWiderThanTheDiagramWidensTheSheetInsteadOfBeingCut() throws Exception {
        String filter = "filter: " + "icmp and host 198.51.100.2 or ".repeat(16) + "icmp6";
        Caption wide = new Caption("all flows", List.of(filter));
        WritableImage image = DiagramExport.render(DiagramFixtures.dockerLike(), Highlight.NONE, wide, 1, true);
        DiagramExport.writePng(image, SCREENSHOTS.resolve("export-wide-caption-dark.png"));
        assertTrue(image.getWidth() > layout.width() + 100, "wider than the diagram: " + image.getWidth());
        String svg = DiagramExport.renderSvg(DiagramFixtures.dockerLike(), Highlight.NONE, wide, true);
        assertTrue(texts(SvgWriterTest.parse(svg)).contains(filter), "the whole line, not an ellipsis");
        assertTrue(Files.size(SCREENSHOTS.resolve("export-wide-caption-dark.png")) > 10_000);
    }

    private static List<String> texts(Document doc) {
        return elementTexts(doc, "text");
    }

    private static List<String> elementTexts(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagName(element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static int classed(Document doc, String styleClass) {
        NodeList groups = doc.getElementsByTagName("g");
        int count = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            if (List.of(((Element) groups.item(i)).getAttribute("class").split(" ")).contains(styleClass)) {
                count++;
            }
        }
        return count;
    }

    /** The first row, from the top, whose pixels at its far right are the diagram's background. */
    private static int firstRowOf(WritableImage image, int rgb, int limit) {
        PixelReader pixels = image.getPixelReader();
        int x = (int) image.getWidth() - 4;
        for (int y = 0; y < limit; y++) {
            if ((pixels.getArgb(x, y) & 0xffffff) == rgb && (pixels.getArgb(x, y + 8) & 0xffffff) == rgb) {
                // the caption's own background is the same colour: the diagram starts below its bottom rule
                if (y > 0 && (pixels.getArgb(x, y - 1) & 0xffffff) != rgb) {
                    return y;
                }
            }
        }
        return -1;
    }

    /** Rows between {@code from} and {@code to} with a pixel far from the background (text, rules). */
    private static int inkRows(WritableImage image, int from, int to) {
        PixelReader pixels = image.getPixelReader();
        int rows = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (distance(pixels.getArgb(x, y), 0x3d4d63) < 120 || distance(pixels.getArgb(x, y), 0x1b2634) < 120) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    private static int countNear(WritableImage image, int rgb, int from, int to) {
        PixelReader pixels = image.getPixelReader();
        int count = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (distance(pixels.getArgb(x, y), rgb) < 40) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distance(int argb, int rgb) {
        return Math.abs((argb >> 16 & 0xff) - (rgb >> 16 & 0xff)) + Math.abs((argb >> 8 & 0xff) - (rgb >> 8 & 0xff))
                + Math.abs((argb & 0xff) - (rgb & 0xff));
    }
}
