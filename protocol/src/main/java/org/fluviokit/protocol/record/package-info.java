/**
 * Record batches, identical on the wire and in the SPU's log (spec wire-protocol §4): the
 * {@link org.fluviokit.protocol.record.RecordSet} of produce requests and fetch responses, its
 * {@link org.fluviokit.protocol.record.RecordBatch}es (Kafka "magic 2" header, CRC-32C) and their
 * {@link org.fluviokit.protocol.record.Record}s (Fluvio's own key encoding). Gzip is built in;
 * Snappy, LZ4 and zstd batches are carried verbatim but cannot be opened without dependencies.
 */
package org.fluviokit.protocol.record;
