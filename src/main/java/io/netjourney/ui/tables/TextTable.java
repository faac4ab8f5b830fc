package io.netjourney.ui.tables;

import java.util.List;

/**
 * A table as the text it shows: column titles and, per row, each column's text. Written as CSV for a file (RFC 4180:
 * a field with a comma, quote or line break is quoted, quotes doubled, CRLF line ends) or as tab-separated lines for
 * the clipboard (a tab or line break inside a field becomes a space, so each row stays one line).
 */
public record TextTable(List<String> header, List<List<String>> rows) {
    public TextTable {
        header = List.copyOf(header);
        rows = rows.stream().map(TextTable::row).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " fields under " + header.size()
                        + " columns");
            }
        }
    }

    private static List<String> row(List<String> fields) {
        return fields.stream().map(field -> field == null ? "" : field).toList();
    }

    public String toCsv() {
        StringBuilder out = new StringBuilder();
        csvLine(header, out);
        rows.forEach(row -> csvLine(row, out));
        return out.toString();
    }

    public String toTsv() {
        StringBuilder out = new StringBuilder();
        tsvLine(header, out);
        rows.forEach(row -> tsvLine(row, out));
        return out.toString();
    }

    private static void csvLine(List<String> fields, StringBuilder out) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append("\r\n");
    }

    private static void tsvLine(List<String> fields, StringBuilder out) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(fields.get(i).replace("\r\n", " ").replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        }
        out.append('\n');
    }
}
