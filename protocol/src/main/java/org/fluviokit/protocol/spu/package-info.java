/**
 * The SPU's public APIs (spec wire-protocol §3.6): Produce, FetchOffsets, StreamFetch,
 * UpdateOffsets and the consumer-offset APIs, with the SmartModule invocations requests may
 * carry. Each message is a record with {@code encode(WireWriter, short version)} and a static
 * {@code decode(WireReader, short version)} that honour the version gates.
 */
package org.fluviokit.protocol.spu;
