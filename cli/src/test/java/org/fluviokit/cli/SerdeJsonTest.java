package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** serde_json's layout and messages, which {@code consume -O json} and the list commands print. */
class SerdeJsonTest {

    private static String reformat(String json) throws SerdeJson.ParseException {
        return SerdeJson.pretty(SerdeJson.parseValue(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void prettyPrintsWithTwoSpacesSortedKeysAndTightEmptyContainers() throws Exception {
        assertThat(reformat("{\"b\":[1,2,{}],\"a\":{\"z\":null,\"y\":[]},\"c\":\"x\\ty\\u0001\"}")).isEqualTo("""
                {
                  "a": {
                    "y": [],
                    "z": null
                  },
                  "b": [
                    1,
                    2,
                    {}
                  ],
                  "c": "x\\ty\\u0001"
                }""");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1|1",
        "-7|-7",
        "1.5|1.5",
        "1.0|1.0",
        "1e2|100.0",
        "1E20|1e20",
        "0.1|0.1",
        "0.00001|0.00001",
        "0.000001|1e-6",
        "-0|-0.0",
        "1.25e-7|1.25e-7",
        "18446744073709551615|18446744073709551615",
        "18446744073709551616|1.8446744073709552e19",
        "12345678901234567.0|1.2345678901234568e16",
    })
    void numbersComeOutAsSerdeJsonWritesThem(String in, String out) throws Exception {
        assertThat(reformat(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "r0|expected value at line 1 column 1",
        "''|EOF while parsing a value at line 1 column 0",
        "1 x|trailing characters at line 1 column 3",
        "nope|expected ident at line 1 column 2",
        "tru|EOF while parsing a value at line 1 column 3",
        "01|invalid number at line 1 column 2",
        "-x|invalid number at line 1 column 2",
        "1.|EOF while parsing a value at line 1 column 2",
        "1.x|invalid number at line 1 column 3",
        "\"abc|EOF while parsing a string at line 1 column 4",
        "\"a\\qb\"|invalid escape at line 1 column 4",
        "[1,]|trailing comma at line 1 column 4",
        "[1 2]|expected `,` or `]` at line 1 column 4",
        "[1|EOF while parsing a list at line 1 column 2",
        "{1:2}|key must be a string at line 1 column 2",
        "{\"a\" 2}|expected `:` at line 1 column 6",
        "{\"a\":1 \"b\":2}|expected `,` or `}` at line 1 column 8",
        "{\"a\":1,}|trailing comma at line 1 column 8",
        "{\"a\":1|EOF while parsing an object at line 1 column 6",
    })
    void failsWithSerdeJsonsMessages(String in, String message) {
        assertThatThrownBy(() -> SerdeJson.parseValue(in.getBytes(StandardCharsets.UTF_8))).hasMessage(message);
    }

    @Test
    void positionsCountLines() {
        assertThatThrownBy(() -> SerdeJson.parseValue("{\n  \"a\": x\n}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("expected value at line 2 column 8");
    }
}
