package org.fluviokit.protocol;

import java.util.Objects;

/**
 * The header at the start of every request message (spec §1.2). It is encoded the same way at
 * every api_version; {@code apiVersion} is the version of the body that follows <em>and</em> of
 * the response body.
 *
 * @param apiKey        u16 API key, see {@link ApiKey} (SC and SPU keys overlap, §2.1)
 * @param apiVersion    i16 version of the request and response bodies
 * @param correlationId copied by the server into every response frame of this request
 * @param clientId      free text; {@code "FLUVIO_CLI"}, {@code "fluvio"} or {@code "dummy"} (§2.6)
 */
public record RequestHeader(int apiKey, short apiVersion, int correlationId, String clientId) {

    public RequestHeader {
        if (apiKey < 0 || apiKey > 0xFFFF) {
            throw new IllegalArgumentException("api key " + apiKey + " does not fit in a u16");
        }
        Objects.requireNonNull(clientId, "clientId");
    }

    public void encode(WireWriter out) {
        out.u16(apiKey).i16(apiVersion).i32(correlationId).string(clientId);
    }

    public static RequestHeader decode(WireReader in) {
        return new RequestHeader(in.u16("api_key"), in.i16("api_version"),
                in.i32("correlation_id"), in.string("client_id"));
    }
}
