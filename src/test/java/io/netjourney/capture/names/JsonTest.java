package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesNestedValues() {
        Object value = Json.parse(" [{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": -2.5e1}}, \"x\", {}, []] ");
        List<Object> array = Json.array(value);
        Map<String, Object> first = Json.object(array.get(0));
        assertEquals(1L, first.get("a"));
        assertEquals(Arrays.asList(true, false, null), first.get("b"));
        assertEquals(-25.0, Json.object(first.get("c")).get("d"));
        assertEquals("x", array.get(1));
        assertEquals(Map.of(), array.get(2));
        assertEquals(List.of(), array.get(3));
    }

    @Test
    void decodesEscapes() {
        assertEquals("a\"b\\c/d\n\u00e9", Json.parse("\"a\\\"b\\\\c\\/d\\n\\u00e9\""));
    }

    @Test
    void largeNumbersBecomeDoubles() {
        assertEquals(4026532258L, Json.parse("4026532258"));
        assertEquals(1.8446744073709552E19, Json.parse("18446744073709551615"));
    }

    @Test
    void wrongShapesGiveEmptyViews() {
        assertEquals(Map.of(), Json.object("text"));
        assertEquals(List.of(), Json.array(Map.of()));
        assertNull(Json.parse("null"));
    }

    @Test
    void rejectsBrokenDocuments() {
        for (String broken : List.of("", "[1,", "{\"a\" 1}", "\"open", "[1] x", "tru", "{\"a\":@}")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(broken), broken);
        }
    }
}
