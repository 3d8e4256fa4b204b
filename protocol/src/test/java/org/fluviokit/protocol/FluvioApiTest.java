package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fluviokit.protocol.ApiVersionsResponse.ApiVersionKey;
import org.junit.jupiter.api.Test;

/** The one table of API versions (wire-protocol §3.1), as servers list it and clients negotiate with it. */
class FluvioApiTest {

    @Test
    void theServersListWhatFluvio018ListsInItsOrder() {
        assertThat(FluvioApi.listedBy(FluvioApi.Role.SC)).containsExactly(
                ApiVersionKey.of(1001, 9, 19), ApiVersionKey.of(1002, 1, 19), ApiVersionKey.of(1003, 15, 19),
                ApiVersionKey.of(1004, 15, 19), ApiVersionKey.of(1005, 14, 19), ApiVersionKey.of(1006, 1, 19));
        assertThat(FluvioApi.listedBy(FluvioApi.Role.SPU)).containsExactly(
                ApiVersionKey.of(0, 0, 25), ApiVersionKey.of(1, 0, 25), ApiVersionKey.of(1002, 25, 25),
                ApiVersionKey.of(1003, 0, 25), ApiVersionKey.of(1005, 0, 0));
    }

    @Test
    void aClientSendsTheHighestVersionBothSpeak() {
        // The Python client 0.21.0's SPU lists 24 for Produce and StreamFetch (§3.1).
        List<ApiVersionKey> olderSpu = List.of(ApiVersionKey.of(0, 0, 24), ApiVersionKey.of(1003, 0, 24));
        assertThat(FluvioApi.PRODUCE.negotiate(olderSpu)).contains((short) 24);
        assertThat(FluvioApi.STREAM_FETCH.negotiate(olderSpu)).contains((short) 24);
        assertThat(FluvioApi.PRODUCE.negotiate(FluvioApi.listedBy(FluvioApi.Role.SPU))).contains((short) 25);
    }

    @Test
    void anSpuApiTheServerDoesNotListGoesAtTheClientsHighestAnScApiNotAtAll() {
        assertThat(FluvioApi.UPDATE_CONSUMER_OFFSET.negotiate(FluvioApi.listedBy(FluvioApi.Role.SPU))).contains((short) 25);
        assertThat(FluvioApi.WATCH.negotiate(List.of(ApiVersionKey.of(1001, 9, 19)))).isEmpty();
    }

    @Test
    void onlyVersionsTheClientDoesNotSpeakMeanNoVersion() {
        assertThat(FluvioApi.STREAM_FETCH.negotiate(List.of(ApiVersionKey.of(1003, 0, 15)))).isEmpty();
    }
}
