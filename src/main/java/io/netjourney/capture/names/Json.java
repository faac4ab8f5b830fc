package io.netjourney.capture.names;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON netjourney consumes ({@code ip -j} output, container runtimes' files) with Jackson, and gives
 * tests that read netjourney's JSON output plain Java values.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** The document as a Jackson tree; a broken or empty document is an {@link IllegalArgumentException}. */
    static JsonNode tree(String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException("JSON: empty document");
            }
            return root;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON file as a tree; empty when it is missing, unreadable or not JSON. */
    static Optional<JsonNode> readFile(Path file) {
        try {
            return SystemFiles.read(file).map(Json::tree);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The document as plain values: objects become {@code Map<String, Object>}, arrays {@code List<Object>},
     * integers that fit a long {@code Long}, other numbers {@code Double}, and {@code null} Java null.
     */
    public static Object parse(String text) {
        return plain(tree(text));
    }

    /** The members of an object, or an empty map when {@code value} is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    /** The elements of an array, or an empty list when {@code value} is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            node.properties().forEach(member -> members.put(member.getKey(), plain(member.getValue())));
            return members;
        }
        if (node.isArray()) {
            List<Object> elements = new ArrayList<>(node.size());
            node.forEach(element -> elements.add(plain(element)));
            return elements;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }
}
