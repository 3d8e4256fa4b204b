package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fluviokit.protocol.ApiVersionsResponse.ApiVersionKey;
import org.junit.jupiter.api.Test;

class ApiVersionsTest {

    private static final String EXAMPLE_A = """
            00 00 00 2b 00 12 00 02 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 06 30 2e 35 30 2e 31
            00 05 6c 69 6e 75 78 00 06 78 38 36 5f 36 34""";
    private static final String EXAMPLE_B = """
            00 00 00 36 00 00 00 01 00 00 00 00 00 06 03 e9 00 09 00 13 03 ea 00 01 00 13 03 eb 00 0f 00 13
            03 ec 00 0f 00 13 03 ed 00 0e 00 13 03 ee 00 01 00 13 00 06 30 2e 31 38 2e 31""";
    private static final String EXAMPLE_C = """
            00 00 00 2f 00 00 00 01 00 00 00 00 00 05 00 00 00 00 00 19 00 01 00 00 00 19 03 ea 00 19 00 19
            03 eb 00 00 00 19 03 ed 00 00 00 00 00 05 30 2e 30 2e 30""";

    private static final RequestHeader HEADER_A = new RequestHeader(18, (short) 2, 1, "FLUVIO_CLI");
    private static final ApiVersionsRequest REQUEST_A = new ApiVersionsRequest("0.50.1", "linux", "x86_64");

    private static final List<ApiVersionKey> SC_KEYS = List.of(
            ApiVersionKey.of(1001, 9, 19), ApiVersionKey.of(1002, 1, 19), ApiVersionKey.of(1003, 15, 19),
            ApiVersionKey.of(1004, 15, 19), ApiVersionKey.of(1005, 14, 19), ApiVersionKey.of(1006, 1, 19));
    private static final List<ApiVersionKey> SPU_KEYS = List.of(
            ApiVersionKey.of(0, 0, 25), ApiVersionKey.of(1, 0, 25), ApiVersionKey.of(1002, 25, 25),
            ApiVersionKey.of(1003, 0, 25), ApiVersionKey.of(1005, 0, 0));

    @Test
    void exampleA_apiVersionsRequestEncodes() {
        assertThat(Hex.hex(Frames.request(HEADER_A, REQUEST_A))).isEqualTo(Hex.normalize(EXAMPLE_A));
    }

    @Test
    void exampleA_apiVersionsRequestDecodes() {
        ApiVersionsRequest request = WireFrames.decodeRequest(EXAMPLE_A, HEADER_A, ApiVersionsRequest::decode);
        assertThat(request).isEqualTo(REQUEST_A);
        assertThat(request.hasSemverClientVersion()).isTrue();
    }

    @Test
    void exampleB_scApiVersionsResponseRoundTrips() {
        ApiVersionsResponse response = ApiVersionsResponse.of(SC_KEYS, "0.18.1");
        assertThat(Hex.hex(Frames.response(1, (short) 2, response))).isEqualTo(Hex.normalize(EXAMPLE_B));
        assertThat(WireFrames.decodeResponse(EXAMPLE_B, 1, (short) 2, ApiVersionsResponse::decode))
                .isEqualTo(response);
    }

    @Test
    void exampleC_spuApiVersionsResponseRoundTrips() {
        ApiVersionsResponse response = ApiVersionsResponse.of(SPU_KEYS, "0.0.0");
        assertThat(Hex.hex(Frames.response(1, (short) 2, response))).isEqualTo(Hex.normalize(EXAMPLE_C));
        assertThat(WireFrames.decodeResponse(EXAMPLE_C, 1, (short) 2, ApiVersionsResponse::decode))
                .isEqualTo(response);
    }

    @Test
    void requestFieldsAreAbsentAtVersion0() {
        WireWriter out = new WireWriter();
        REQUEST_A.encode(out, (short) 0);
        assertThat(out.size()).isZero();
        assertThat(ApiVersionsRequest.decode(new WireReader(new byte[0]), (short) 0))
                .isEqualTo(new ApiVersionsRequest("", "", ""));
    }

    @Test
    void nonSemverClientVersionIsDetected() {
        // §2.2: the real SC hangs up on these.
        assertThat(new ApiVersionsRequest("dev", "linux", "x86_64").hasSemverClientVersion()).isFalse();
        assertThat(new ApiVersionsRequest("0.18.2-dev-1", "linux", "x86_64").hasSemverClientVersion()).isTrue();
    }

    @Test
    void nonSemverPlatformVersionFailsToDecodeLikeFluviosClient() {
        WireWriter out = new WireWriter();
        ApiVersionsResponse.of(SC_KEYS, "latest").encode(out, (short) 2);
        assertThatThrownBy(() -> ApiVersionsResponse.decode(new WireReader(out.toByteArray()), (short) 2))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("platform_version \"latest\" is not valid semver");
    }

    // §1.7 negotiation

    @Test
    void negotiatesTheHighestCommonVersion() {
        ApiVersionsResponse sc = ApiVersionsResponse.of(SC_KEYS, "0.18.1");
        assertThat(sc.negotiate(ApiKey.Sc.WATCH, (short) 15, (short) 19)).contains((short) 19);
        // Python client 0.21.0 (SPU max 24) against a v25 SPU: 24 for StreamFetch.
        ApiVersionsResponse spu = ApiVersionsResponse.of(SPU_KEYS, "0.0.0");
        assertThat(spu.negotiate(ApiKey.Spu.STREAM_FETCH, (short) 22, (short) 24)).contains((short) 24);
        assertThat(spu.negotiate(ApiKey.Spu.FETCH_OFFSETS, (short) 23, (short) 25)).contains((short) 25);
    }

    @Test
    void negotiationFindsNothingForUnadvertisedOrDisjointRanges() {
        ApiVersionsResponse spu = ApiVersionsResponse.of(SPU_KEYS, "0.0.0");
        // §3.1: real SPUs do not advertise the consumer-offset APIs.
        assertThat(spu.negotiate(ApiKey.Spu.UPDATE_CONSUMER_OFFSET, (short) 23, (short) 25)).isEmpty();
        // Python client: FetchOffsets 22..24 against 25..25.
        assertThat(spu.negotiate(ApiKey.Spu.FETCH_OFFSETS, (short) 22, (short) 24)).isEmpty();
    }

    @Test
    void negotiationUsesTheFirstMatchingEntry() {
        List<ApiVersionKey> keys = List.of(ApiVersionKey.of(1004, 15, 17), ApiVersionKey.of(1004, 15, 19));
        assertThat(ApiVersionsResponse.negotiate(keys, 1004, (short) 15, (short) 19)).contains((short) 17);
    }

    @Test
    void negotiationCapsAtTheClientsMaximum() {
        List<ApiVersionKey> keys = List.of(ApiVersionKey.of(0, 0, 30));
        assertThat(ApiVersionsResponse.negotiate(keys, 0, (short) 0, (short) 25)).contains((short) 25);
    }
}
