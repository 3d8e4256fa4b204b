package org.fluviokit.protocol.spu;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * Fluvio's isolation level. It travels two different ways (spec §3.6): as a u8 enum in
 * StreamFetch (the ordinal is the tag), and as a Kafka-style i16 "acks" value in Produce.
 */
public enum Isolation {
    /** Default. u8 tag 0; produce acks {@code 1}: the leader wrote the records. */
    READ_UNCOMMITTED,
    /** u8 tag 1; produce acks {@code -1}: wait for the high watermark. */
    READ_COMMITTED;

    /** The i16 acks value ProduceRequest carries. */
    public short acks() {
        return (short) (this == READ_COMMITTED ? -1 : 1);
    }

    /** Fluvio's reading of an acks value: negative means ReadCommitted, anything else not. */
    public static Isolation fromAcks(short acks) {
        return acks < 0 ? READ_COMMITTED : READ_UNCOMMITTED;
    }

    void encode(WireWriter out) {
        out.u8(ordinal());
    }

    static Isolation decode(WireReader in) {
        return in.u8Enum("isolation", values());
    }
}
