package io.netjourney.ui;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** An exported SVG file read back with the JDK's XML parser: it must parse, its root must be svg. */
public final class SvgTexts {
    private SvgTexts() {
    }

    /** The text of every {@code <text>} element of the file; fails unless it parses as an SVG document. */
    public static Set<String> of(Path svg) throws Exception {
        return of(svg, "text");
    }

    /** The text of every element of that name ({@code title}: what a viewer shows on hover). */
    public static Set<String> of(Path svg, String element) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        if (!"svg".equals(doc.getDocumentElement().getLocalName())) {
            throw new AssertionError(svg + ": the root element is " + doc.getDocumentElement().getLocalName());
        }
        NodeList nodes = doc.getElementsByTagName(element);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
