package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Optional;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A kind of SC object that this module can encode: its envelope type label (spec §3.4.1) and
 * how its spec {@code S} and status {@code T} travel (§3.5). The SC also knows
 * {@code "CustomSpu"}, {@code "SpuGroup"}, {@code "SmartModule"}, {@code "TableFormat"} and
 * {@code "Mirror"}; their envelopes can be read ({@link ObjectApiEnvelope}) but not their payloads.
 *
 * @param <S> the spec type
 * @param <T> the status type
 */
public final class ObjectKind<S, T> {

    public static final ObjectKind<TopicSpec, TopicStatus> TOPIC = new ObjectKind<>("Topic",
            (w, v, s) -> s.encode(w, v), TopicSpec::decode, (w, v, s) -> s.encode(w, v), TopicStatus::decode);

    public static final ObjectKind<PartitionSpec, PartitionStatus> PARTITION = new ObjectKind<>("Partition",
            (w, v, s) -> s.encode(w, v), PartitionSpec::decode, (w, v, s) -> s.encode(w, v),
            PartitionStatus::decode);

    public static final ObjectKind<SpuSpec, SpuStatus> SPU = new ObjectKind<>("SPU",
            (w, v, s) -> s.encode(w, v), SpuSpec::decode, (w, v, s) -> s.encode(w, v), SpuStatus::decode);

    private static final List<ObjectKind<?, ?>> ALL = List.of(TOPIC, PARTITION, SPU);

    @FunctionalInterface
    interface Encoder<X> {
        void encode(WireWriter out, short version, X value);
    }

    @FunctionalInterface
    interface Decoder<X> {
        X decode(WireReader in, short version);
    }

    private final String label;
    private final Encoder<S> specEncoder;
    private final Decoder<S> specDecoder;
    private final Encoder<T> statusEncoder;
    private final Decoder<T> statusDecoder;

    private ObjectKind(String label, Encoder<S> specEncoder, Decoder<S> specDecoder,
                       Encoder<T> statusEncoder, Decoder<T> statusDecoder) {
        this.label = label;
        this.specEncoder = specEncoder;
        this.specDecoder = specDecoder;
        this.statusEncoder = statusEncoder;
        this.statusDecoder = statusDecoder;
    }

    /** The type label of the envelope: {@code "Topic"}, {@code "Partition"} or {@code "SPU"}. */
    public String label() {
        return label;
    }

    /** The kind with this label, if this module can encode it. */
    public static Optional<ObjectKind<?, ?>> forLabel(String label) {
        return ALL.stream().filter(kind -> kind.label.equals(label)).findFirst();
    }

    void encodeSpec(WireWriter out, short version, S spec) {
        specEncoder.encode(out, version, spec);
    }

    S decodeSpec(WireReader in, short version) {
        return specDecoder.decode(in, version);
    }

    void encodeStatus(WireWriter out, short version, T status) {
        statusEncoder.encode(out, version, status);
    }

    T decodeStatus(WireReader in, short version) {
        return statusDecoder.decode(in, version);
    }

    @Override
    public String toString() {
        return label;
    }
}
