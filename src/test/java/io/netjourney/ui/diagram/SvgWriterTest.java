package io.netjourney.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgWriterTest {
    @Test
    void writesADocumentAnXmlParserReadsBackWithItsTextAndAttributesIntact() throws Exception {
        SvgWriter svg = new SvgWriter(320.5, 200, "flow 3 · icmp <a> & \"b\"");
        svg.group("interface-node kind-veth", new double[] {1, 0, 0, 1, 12.25, 40}, 0.6)
                .rect(0, 0, 150, 32, 7, new SvgWriter.Style("#eef3fa", 1, "#a7b7cb", 0.5, 1, "4 3", null, null, 0.28))
                .text(30, 20, "eth0 <peer> & 'x'", new SvgWriter.Font("'DejaVu Sans', sans-serif", 12, true,
                        "#1b2634", 1, 1))
                .end()
                .path("M0 0 C10 0 20 10 30 10", SvgWriter.Style.stroke("#d9730d", 3));
        Document doc = parse(svg.finish());

        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("320.5", root.getAttribute("width"));
        assertEquals("0 0 320.5 200", root.getAttribute("viewBox"));
        assertEquals("flow 3 · icmp <a> & \"b\"", doc.getElementsByTagName("title").item(0).getTextContent());
        Element group = (Element) doc.getElementsByTagName("g").item(0);
        assertEquals("interface-node kind-veth", group.getAttribute("class"));
        assertEquals("matrix(1 0 0 1 12.25 40)", group.getAttribute("transform"));
        assertEquals("0.6", group.getAttribute("opacity"));
        Element rect = (Element) doc.getElementsByTagName("rect").item(0);
        assertEquals("7", rect.getAttribute("rx"));
        assertEquals("4 3", rect.getAttribute("stroke-dasharray"));
        assertEquals("0.5", rect.getAttribute("stroke-opacity"));
        assertEquals("0.28", rect.getAttribute("opacity"));
        Element text = (Element) doc.getElementsByTagName("text").item(0);
        assertEquals("eth0 <peer> & 'x'", text.getTextContent());
        assertEquals("bold", text.getAttribute("font-weight"));
        assertEquals("'DejaVu Sans', sans-serif", text.getAttribute("font-family"));
        Element path = (Element) doc.getElementsByTagName("path").item(0);
        assertEquals("none", path.getAttribute("fill"));
        assertEquals("#d9730d", path.getAttribute("stroke"));
        assertEquals("", path.getAttribute("opacity"), "full opacity is not written");
    }

    @Test
    void numbersHaveAtMostTwoDecimalsAndNoLocaleOrExponent() {
        assertEquals("12", SvgWriter.num(12.0));
        assertEquals("0.5", SvgWriter.num(0.5));
        assertEquals("1234567.13", SvgWriter.num(1234567.126));
        assertEquals("0", SvgWriter.num(-0.001));
        assertEquals("0", SvgWriter.num(Double.NaN));
        assertEquals("-3.1", SvgWriter.num(-3.1));
    }

    @Test
    void controlCharactersXmlCannotHoldAreDropped() throws Exception {
        SvgWriter svg = new SvgWriter(10, 10, "a\u0001b");
        svg.text(0, 0, "x\u0000y\tz", new SvgWriter.Font("sans-serif", 10, false, "#000000", 1, 1));
        Document doc = parse(svg.finish());
        assertEquals("ab", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("xy\tz", doc.getElementsByTagName("text").item(0).getTextContent());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
