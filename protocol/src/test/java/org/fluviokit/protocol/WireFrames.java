package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper: reads a spec example's full frame and checks its framing, so tests can focus on
 * the body.
 */
public final class WireFrames {

    /** Decodes a message body with the version in effect. */
    @FunctionalInterface
    public interface BodyDecoder<T> {
        T decode(WireReader in, short version);
    }

    private WireFrames() {
    }

    /**
     * Decodes a request frame: checks the length prefix, that the header equals {@code header},
     * and that the body decoder consumes every byte.
     */
    public static <T> T decodeRequest(String frameHex, RequestHeader header, BodyDecoder<T> body) {
        WireReader in = readerAfterLength(frameHex);
        assertThat(RequestHeader.decode(in)).isEqualTo(header);
        T value = body.decode(in, header.apiVersion());
        assertThat(in.remaining()).as("bytes left after the body").isZero();
        return value;
    }

    /** Decodes a response frame whose correlation id must be {@code correlationId}. */
    public static <T> T decodeResponse(String frameHex, int correlationId, short version, BodyDecoder<T> body) {
        WireReader in = readerAfterLength(frameHex);
        assertThat(in.i32("correlation_id")).isEqualTo(correlationId);
        T value = body.decode(in, version);
        assertThat(in.remaining()).as("bytes left after the body").isZero();
        return value;
    }

    /** Asserts both directions: {@code body} encodes to the frame, and the frame decodes to it. */
    public static <T extends Encodable> void assertRequestExample(String frameHex, RequestHeader header, T body,
                                                                  BodyDecoder<T> decoder) {
        assertThat(Hex.hex(Frames.request(header, body))).as("encoded frame").isEqualTo(Hex.normalize(frameHex));
        assertThat(decodeRequest(frameHex, header, decoder)).as("decoded body").isEqualTo(body);
    }

    /** Asserts both directions for a response frame. */
    public static <T extends Encodable> void assertResponseExample(String frameHex, int correlationId, short version,
                                                                   T body, BodyDecoder<T> decoder) {
        assertThat(Hex.hex(Frames.response(correlationId, version, body))).as("encoded frame")
                .isEqualTo(Hex.normalize(frameHex));
        assertThat(decodeResponse(frameHex, correlationId, version, decoder)).as("decoded body").isEqualTo(body);
    }

    /** The body of a frame: everything after the length prefix, correlation id and/or header. */
    private static WireReader readerAfterLength(String frameHex) {
        byte[] frame = Hex.bytes(frameHex);
        WireReader in = new WireReader(frame);
        assertThat(in.i32("frame length")).as("frame length prefix").isEqualTo(frame.length - 4);
        return in;
    }
}
