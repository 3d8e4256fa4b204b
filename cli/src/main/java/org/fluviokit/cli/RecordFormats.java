package org.fluviokit.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.fluviokit.client.ConsumerRecord;

/** How {@code fluvio consume} turns a record into text, per {@code -O}/{@code -F} (consume/record_format.rs). */
final class RecordFormats {

    private static final String HEX_DUMP_SEPARATOR =
            "------------------------------------------------------------------------------\n";
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_]+)\\s*}}");
    private static final DateTimeFormatter RFC3339_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RecordFormats() {
    }

    /** Rust's {@code String::from_utf8_lossy}. */
    static String lossy(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code content_inspector}: binary when the first 1 KiB holds a NUL byte or it starts as PDF/PNG; BOMs mean text. */
    static boolean isBinary(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)
                || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0xFE, 0xFF)
                || startsWith(bytes, 0xFF, 0xFE)) {
            return false;
        }
        for (int i = 0; i < Math.min(bytes.length, 1024); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return startsWith(bytes, '%', 'P', 'D', 'F') || startsWith(bytes, 0x89, 'P', 'N', 'G');
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code -O dynamic} (the default): the text, or a hex dump for binary values. */
    static String dynamic(byte[] value) {
        return isBinary(value) ? binary(value) : lossy(value);
    }

    /** {@code -O text}. */
    static String text(byte[] value, boolean suppressUnknown) {
        return isBinary(value) && !suppressUnknown ? "binary: (" + value.length + " bytes)" : lossy(value);
    }

    /** {@code -O binary}: a 16-column hex dump then a separator line. */
    static String binary(byte[] value) {
        StringBuilder out = new StringBuilder();
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < value.length; i++) {
            if (i % 16 == 0) {
                out.append(String.format("%08x", i));
            }
            if (i % 8 == 0) {
                out.append(' ');
            }
            int b = value[i] & 0xff;
            chars.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : (b == 0x0a ? "." : " "));
            out.append(String.format(" %02x", b));
            if ((i + 1) % 16 == 0) {
                out.append("  |").append(chars).append("|\n");
                chars.setLength(0);
            }
        }
        if (chars.length() > 0) {
            int last = value.length % 16;
            if (last <= 8) {
                out.append(' ');
            }
            for (int i = last; i < 16; i++) {
                chars.append(' ');
                out.append("   ");
            }
            out.append("  |").append(chars).append("|\n");
        }
        return out.append(HEX_DUMP_SEPARATOR).toString();
    }

    /** {@code -O raw}. */
    static String raw(byte[] value) {
        return lossy(value);
    }

    /**
     * {@code -O json}: the value read as JSON and pretty-printed; a value that is not JSON becomes
     * {@code {"error": "<serde_json's message>"}}, or nothing with {@code --suppress-unknown}.
     */
    static String json(byte[] value, boolean suppressUnknown) {
        try {
            return SerdeJson.pretty(SerdeJson.parseValue(value));
        } catch (SerdeJson.ParseException e) {
            if (suppressUnknown) {
                return null;
            }
            return SerdeJson.pretty(SerdeJson.object().put("error", e.getMessage()));
        }
    }

    /**
     * {@code -O table}: a JSON object as a bordered table with its keys as header. Only the first
     * record loses nothing: later ones drop the table's top border only (the header stays), as the
     * CLI does. Problems are printed on stdout and the record is skipped (null).
     */
    static String table(byte[] value, boolean firstRecord, Shell shell) {
        JsonNode json;
        try {
            json = SerdeJson.parseValue(value);
        } catch (SerdeJson.ParseException e) {
            shell.println("error parsing record as json: " + e.getMessage());
            return null;
        }
        if (!json.isObject()) {
            shell.println("error: Unable to parse json as object map");
            return null;
        }
        List<String> header = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            header.add(field.getKey());
            row.add(field.getValue().isTextual() ? field.getValue().textValue() : SerdeJson.compact(field.getValue()));
        }
        List<String> lines = new TextTable(header).addRow(row).asciiFullLines();
        return String.join("\n", firstRecord ? lines : lines.subList(1, lines.size()));
    }

    /** {@code -F TEMPLATE}: {@code {{key}} {{value}} {{offset}} {{partition}} {{time}}}, HTML-unescaped. */
    static String template(String template, ConsumerRecord record) {
        Matcher m = TEMPLATE_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group(1)) {
                case "key" -> record.key() == null ? "null" : lossy(record.key());
                case "value" -> lossy(record.value());
                case "offset" -> Long.toString(record.offset());
                case "partition" -> Integer.toString(record.partition());
                case "time" -> record.timestamp() < 0 ? "NA"
                        : RFC3339_MILLIS.format(Instant.ofEpochMilli(record.timestamp()));
                default -> "";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
