package org.fluviokit.protocol;

/**
 * Builds whole frames (spec §1.1): an i32 length, then a request message (header + body) or a
 * response message ({@code i32 correlation_id} + body, §1.3).
 */
public final class Frames {

    private Frames() {
    }

    /** A request frame: the header, then the body encoded at the header's api_version. */
    public static byte[] request(RequestHeader header, Encodable body) {
        WireWriter out = new WireWriter();
        header.encode(out);
        body.encode(out, header.apiVersion());
        return out.toFrame();
    }

    /**
     * A response frame: the correlation id of the request it answers, then the body encoded with
     * the request's api_version (§1.3).
     */
    public static byte[] response(int correlationId, short apiVersion, Encodable body) {
        WireWriter out = new WireWriter();
        out.i32(correlationId);
        body.encode(out, apiVersion);
        return out.toFrame();
    }

    /** {@code message} preceded by its i32 length. */
    public static byte[] frame(byte[] message) {
        return new WireWriter(message.length + 4).raw(message).toFrame();
    }
}
