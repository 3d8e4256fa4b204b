package org.fluviokit.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * JSON as Fluvio's CLI writes and reads it with {@code serde_json} 1.0: {@link #pretty} is
 * {@code to_string_pretty} (two-space indent, {@code "key": value}, {@code []} and {@code {}} for
 * empty containers, lower-case hex digits in escapes), and {@link #parseValue} is {@code from_slice}
 * into a {@code serde_json::Value} (keys sorted, numbers as u64, i64 or f64) that fails with
 * serde_json's own messages, which {@code consume -O json} prints for records that are not JSON.
 *
 * <p>Writing is Jackson's, configured to serde_json's layout. Reading keeps a parser of its own only
 * because those messages are part of the CLI's output: Jackson words its errors differently and
 * places them at other columns, and serde_json's number rules (u64, then i64, then f64, with its
 * float formatting) decide what {@code -O json} prints.
 */
final class SerdeJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private static final int RECURSION_LIMIT = 128;

    private SerdeJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** {@code serde_json::to_string_pretty}, without a final newline. */
    static String pretty(JsonNode node) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = MAPPER.createGenerator(out)) {
                generator.setPrettyPrinter(PRETTY);
                MAPPER.writeTree(generator, node);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code serde_json::to_string}: no white space at all. */
    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parse failure with serde_json's message, e.g. {@code expected value at line 1 column 1}. */
    static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    /** {@code serde_json::from_slice::<Value>}. */
    static JsonNode parseValue(byte[] bytes) throws ParseException {
        return new Reader(bytes).parseDocument();
    }

    /** A recursive-descent reader that stops where serde_json stops and says what serde_json says. */
    private static final class Reader {
        private final byte[] in;
        private int index;
        private int depth;

        Reader(byte[] in) {
            this.in = in;
        }

        JsonNode parseDocument() throws ParseException {
            JsonNode value = parseValue();
            if (skipWhitespace() >= 0) {
                throw peekError("trailing characters");
            }
            return value;
        }

        /** Position of what was consumed so far (serde_json's {@code error}). */
        private ParseException error(String reason) {
            return at(reason, index);
        }

        /** Position of the byte looked at (serde_json's {@code peek_error}). */
        private ParseException peekError(String reason) {
            return at(reason, Math.min(index + 1, in.length));
        }

        private ParseException at(String reason, int end) {
            int line = 1;
            int column = 0;
            for (int i = 0; i < end; i++) {
                if (in[i] == '\n') {
                    line++;
                    column = 0;
                } else {
                    column++;
                }
            }
            return new ParseException(reason + " at line " + line + " column " + column);
        }

        private int peek() {
            return index < in.length ? in[index] & 0xff : -1;
        }

        private int next() {
            return index < in.length ? in[index++] & 0xff : -1;
        }

        private int skipWhitespace() {
            while (index < in.length) {
                int b = in[index] & 0xff;
                if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
                    index++;
                } else {
                    return b;
                }
            }
            return -1;
        }

        private JsonNode parseValue() throws ParseException {
            int peek = skipWhitespace();
            if (peek < 0) {
                throw peekError("EOF while parsing a value");
            }
            switch (peek) {
                case 'n' -> {
                    index++;
                    ident("ull");
                    return NODES.nullNode();
                }
                case 't' -> {
                    index++;
                    ident("rue");
                    return NODES.booleanNode(true);
                }
                case 'f' -> {
                    index++;
                    ident("alse");
                    return NODES.booleanNode(false);
                }
                case '-' -> {
                    index++;
                    return parseNumber(false);
                }
                case '"' -> {
                    index++;
                    return NODES.textNode(parseString());
                }
                case '[' -> {
                    enter();
                    index++;
                    ArrayNode array = NODES.arrayNode();
                    boolean first = true;
                    while (true) {
                        int b = skipWhitespace();
                        if (b == ']') {
                            index++;
                            break;
                        }
                        if (b == ',' && !first) {
                            index++;
                            b = skipWhitespace();
                        } else if (b < 0) {
                            throw peekError("EOF while parsing a list");
                        } else if (!first) {
                            throw peekError("expected `,` or `]`");
                        }
                        first = false;
                        if (b == ']') {
                            throw peekError("trailing comma");
                        }
                        if (b < 0) {
                            throw peekError("EOF while parsing a value");
                        }
                        array.add(parseValue());
                    }
                    depth--;
                    return array;
                }
                case '{' -> {
                    enter();
                    index++;
                    Map<String, JsonNode> fields = new TreeMap<>(SerdeJson::compareUtf8);
                    boolean first = true;
                    while (true) {
                        int b = skipWhitespace();
                        if (b == '}') {
                            index++;
                            break;
                        }
                        if (b == ',' && !first) {
                            index++;
                            b = skipWhitespace();
                        } else if (b < 0) {
                            throw peekError("EOF while parsing an object");
                        } else if (!first) {
                            throw peekError("expected `,` or `}`");
                        }
                        first = false;
                        if (b == '"') {
                            index++;
                            String key = parseString();
                            int colon = skipWhitespace();
                            if (colon == ':') {
                                index++;
                            } else if (colon < 0) {
                                throw peekError("EOF while parsing an object");
                            } else {
                                throw peekError("expected `:`");
                            }
                            fields.put(key, parseValue());
                        } else if (b == '}') {
                            throw peekError("trailing comma");
                        } else if (b < 0) {
                            throw peekError("EOF while parsing a value");
                        } else {
                            throw peekError("key must be a string");
                        }
                    }
                    depth--;
                    ObjectNode object = NODES.objectNode();
                    object.setAll(fields);
                    return object;
                }
                default -> {
                    if (peek >= '0' && peek <= '9') {
                        return parseNumber(true);
                    }
                    throw peekError("expected value");
                }
            }
        }

        private void enter() throws ParseException {
            if (++depth > RECURSION_LIMIT) {
                throw error("recursion limit exceeded");
            }
        }

        private void ident(String rest) throws ParseException {
            for (int i = 0; i < rest.length(); i++) {
                int b = next();
                if (b < 0) {
                    throw error("EOF while parsing a value");
                }
                if (b != rest.charAt(i)) {
                    throw error("expected ident");
                }
            }
        }

        private JsonNode parseNumber(boolean positive) throws ParseException {
            int start = positive ? index : index - 1;
            int first = next();
            if (first < 0) {
                throw error("EOF while parsing a value");
            }
            if (first == '0') {
                int b = peek();
                if (b >= '0' && b <= '9') {
                    throw peekError("invalid number");
                }
            } else if (first < '1' || first > '9') {
                throw error("invalid number");
            } else {
                while (peek() >= '0' && peek() <= '9') {
                    index++;
                }
            }
            boolean isFloat = false;
            if (peek() == '.') {
                isFloat = true;
                index++;
                boolean digit = false;
                while (peek() >= '0' && peek() <= '9') {
                    index++;
                    digit = true;
                }
                if (!digit) {
                    throw peekError(peek() < 0 ? "EOF while parsing a value" : "invalid number");
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                isFloat = true;
                index++;
                if (peek() == '+' || peek() == '-') {
                    index++;
                }
                int b = next();
                if (b < 0) {
                    throw error("EOF while parsing a value");
                }
                if (b < '0' || b > '9') {
                    throw error("invalid number");
                }
                while (peek() >= '0' && peek() <= '9') {
                    index++;
                }
            }
            String text = new String(in, start, index - start, StandardCharsets.US_ASCII);
            if (!isFloat) {
                BigInteger value = new BigInteger(text);
                if (positive && value.bitLength() <= 64) {
                    return NODES.rawValueNode(new RawValue(value.toString()));
                }
                if (!positive && value.signum() < 0 && value.bitLength() <= 63) {
                    return NODES.rawValueNode(new RawValue(value.toString()));
                }
                if (!positive && value.signum() == 0) {
                    return NODES.rawValueNode(new RawValue("-0.0"));
                }
            }
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw error("number out of range");
            }
            return NODES.rawValueNode(new RawValue(formatFloat(value)));
        }

        private String parseString() throws ParseException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            StringBuilder text = new StringBuilder();
            while (true) {
                int b = next();
                if (b < 0) {
                    throw error("EOF while parsing a string");
                }
                if (b == '"') {
                    flush(bytes, text);
                    return text.toString();
                }
                if (b == '\\') {
                    flush(bytes, text);
                    int escape = next();
                    if (escape < 0) {
                        throw error("EOF while parsing a string");
                    }
                    switch (escape) {
                        case '"' -> text.append('"');
                        case '\\' -> text.append('\\');
                        case '/' -> text.append('/');
                        case 'b' -> text.append('\b');
                        case 'f' -> text.append('\f');
                        case 'n' -> text.append('\n');
                        case 'r' -> text.append('\r');
                        case 't' -> text.append('\t');
                        case 'u' -> text.append(unicodeEscape());
                        default -> throw error("invalid escape");
                    }
                } else if (b < 0x20) {
                    throw error("control character (\\u0000-\\u001F) found while parsing a string");
                } else {
                    bytes.write(b);
                }
            }
        }

        private void flush(java.io.ByteArrayOutputStream bytes, StringBuilder text) throws ParseException {
            if (bytes.size() == 0) {
                return;
            }
            try {
                text.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                throw error("invalid unicode code point");
            }
            bytes.reset();
        }

        private String unicodeEscape() throws ParseException {
            int unit = hex4();
            if (Character.isHighSurrogate((char) unit)) {
                if (next() != '\\' || next() != 'u') {
                    throw error("unexpected end of hex escape");
                }
                int low = hex4();
                if (!Character.isLowSurrogate((char) low)) {
                    throw error("lone leading surrogate in hex escape");
                }
                return new String(new char[] {(char) unit, (char) low});
            }
            if (Character.isLowSurrogate((char) unit)) {
                throw error("lone leading surrogate in hex escape");
            }
            return String.valueOf((char) unit);
        }

        private int hex4() throws ParseException {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int b = next();
                if (b < 0) {
                    throw error("EOF while parsing a string");
                }
                int digit = Character.digit(b, 16);
                if (digit < 0) {
                    throw error("invalid escape");
                }
                value = value * 16 + digit;
            }
            return value;
        }
    }

    /** Orders keys as Rust orders {@code String}s: by their UTF-8 bytes (code points). */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * An f64 as serde_json writes it (the {@code ryu} crate): the shortest digits that read back as
     * the same number, in plain notation for decimal exponents up to 16 (with {@code .0} for whole
     * numbers) and down to 0.00001, otherwise as {@code 1e20} / {@code 1.5e-7}.
     */
    static String formatFloat(double value) {
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        String sign = value < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(candidate.toString()) == magnitude) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = -shortest.scale();
        int length = digits.length();
        int kk = length + k;
        StringBuilder out = new StringBuilder(sign);
        if (k >= 0 && kk <= 16) {
            out.append(digits).append("0".repeat(k)).append(".0");
        } else if (kk > 0 && kk <= 16) {
            out.append(digits, 0, kk).append('.').append(digits.substring(kk));
        } else if (kk > -5 && kk <= 0) {
            out.append("0.").append("0".repeat(-kk)).append(digits);
        } else if (length == 1) {
            out.append(digits).append('e').append(kk - 1);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits.substring(1)).append('e').append(kk - 1);
        }
        return out.toString();
    }
}
