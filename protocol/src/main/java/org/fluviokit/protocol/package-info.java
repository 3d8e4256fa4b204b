/**
 * Fluvio's binary wire format (spec wire-protocol §1): frames, request headers, primitive
 * encodings, API keys, version negotiation, error codes and the ApiVersions exchange that opens
 * every SC and SPU connection.
 *
 * <p>Start with {@link org.fluviokit.protocol.FrameReader} and
 * {@link org.fluviokit.protocol.Frames} for framing, {@link org.fluviokit.protocol.RequestHeader}
 * for the header, and {@link org.fluviokit.protocol.WireReader} /
 * {@link org.fluviokit.protocol.WireWriter} for bodies. Messages live in the {@code spu} (SPU
 * APIs) and {@code sc} (SC object APIs) packages, record batches in {@code record}. Every
 * message has {@code encode(WireWriter, short version)} ({@link org.fluviokit.protocol.Encodable})
 * and a static {@code decode(WireReader, short version)}; decoding failures are always
 * {@link org.fluviokit.protocol.ProtocolException}s.
 */
package org.fluviokit.protocol;
