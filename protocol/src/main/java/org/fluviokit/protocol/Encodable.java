package org.fluviokit.protocol;

/**
 * A message body that can write itself in Fluvio's wire format for a given api_version
 * (Fluvio's {@code Encoder} trait). Every request and response type of this module implements it;
 * each also has a {@code static decode(WireReader, short version)} counterpart.
 */
@FunctionalInterface
public interface Encodable {

    /**
     * Writes this value, honouring the version gates of the given api_version (spec §1.5).
     *
     * @param out     where to write
     * @param version the api_version from the request header (also used for the response body)
     */
    void encode(WireWriter out, short version);
}
