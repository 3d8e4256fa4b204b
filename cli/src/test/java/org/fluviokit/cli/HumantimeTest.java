package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The humantime format of LAST SEEN and RETENTION TIME (H3) and the parser of --retention-time. */
class HumantimeTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0s",
        "1|1s",
        "59|59s",
        "60|1m",
        "254|4m 14s",
        "3600|1h",
        "3661|1h 1m 1s",
        "86400|1day",
        "90061|1day 1h 1m 1s",
        "172800|2days",
        "604800|7days",
        "2630016|1month",
        "5260032|2months",
        "31557600|1year",
        "63115200|2years",
        "34187617|1year 1month 1s",
    })
    void formatsLikeHumantime(long seconds, String expected) { // H3
        assertThat(Humantime.format(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "1h|3600",
        "2d 10s|172810",
        "7 days|604800",
        "1h30m|5400",
        "90s|90",
        "1 week|604800",
        "1M|2630016",
        "2y|63115200",
        "1500ms|1",
    })
    void parsesLikeHumantime(String text, long seconds) {
        assertThat(Humantime.parse(text).getSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "''|value was empty",
        "x|expected number at 0",
        "10|time unit needed, for example 10sec or 10ms",
        "10 parsecs|unknown time unit \"parsecs\", supported units: ns, us, ms, sec, min, hours, days, weeks, months, years (and few variations)",
        "1h!|invalid character at 2",
    })
    void refusesWithHumantimesMessages(String text, String message) {
        assertThatThrownBy(() -> Humantime.parse(text)).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void halfASecondIsKeptBelowASecond() {
        assertThat(Humantime.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    }
}
