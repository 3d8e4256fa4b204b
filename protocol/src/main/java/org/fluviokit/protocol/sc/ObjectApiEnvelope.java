package org.fluviokit.protocol.sc;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * The typed envelope around Create, Delete, List and Watch requests and List and Watch responses
 * (Fluvio's {@code TypeBuffer}, spec §3.4.1): a type label string, a u32 payload length, then
 * the payload encoded with the same api_version.
 *
 * <p>Servers read the envelope first, pick the object kind from {@link #label()} (see
 * {@link ObjectKind#forLabel}), then decode the payload with the typed message's
 * {@code decode(ObjectApiEnvelope, …)}. Like Fluvio, the payload decoders ignore bytes left over
 * at the end of the payload.
 *
 * <p>Versions below 11 ("classic", no payload length and a different Create layout) are not
 * supported: current clients never send them, and encoding or decoding one is a
 * {@link ProtocolException}.
 *
 * @param label   {@code "Topic"}, {@code "Partition"}, {@code "SPU"}, {@code "CustomSpu"}, …
 * @param payload the typed payload bytes
 */
public record ObjectApiEnvelope(String label, byte[] payload) implements Encodable {

    /** First version with the payload length (Fluvio's {@code DYN_OBJ}). */
    public static final short MIN_VERSION = 11;

    public ObjectApiEnvelope {
        Objects.requireNonNull(label, "label");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** A reader over the payload. */
    public WireReader payloadReader() {
        return new WireReader(payload);
    }

    @Override
    public void encode(WireWriter out, short version) {
        write(out, version, label, w -> w.raw(payload));
    }

    public static ObjectApiEnvelope decode(WireReader in, short version) {
        checkVersion(version);
        String label = in.string("type label");
        int at = in.position();
        long length = in.u32("payload length");
        if (length > in.remaining()) {
            throw in.invalid("payload length " + length + " of the \"" + label + "\" envelope exceeds the "
                    + in.remaining() + " bytes left", at);
        }
        return new ObjectApiEnvelope(label, in.raw((int) length, label + " payload"));
    }

    /** Writes label, length and the payload written by {@code payload}. */
    static void write(WireWriter out, short version, String label, Consumer<WireWriter> payload) {
        checkVersion(version);
        out.string(label);
        out.lengthPrefixed(payload);
    }

    /** Decodes the envelope and checks that it carries {@code expected}. */
    static ObjectApiEnvelope decode(WireReader in, short version, ObjectKind<?, ?> expected) {
        int at = in.position();
        ObjectApiEnvelope envelope = decode(in, version);
        envelope.expect(expected, at);
        return envelope;
    }

    /** Checks the label; {@code position} is where the envelope started, or -1 if unknown. */
    void expect(ObjectKind<?, ?> expected, int position) {
        if (!label.equals(expected.label())) {
            throw new ProtocolException("expected a \"" + expected.label() + "\" object but the envelope"
                    + (position >= 0 ? " at byte " + position : "") + " carries \"" + label + "\"", position, null);
        }
    }

    private static void checkVersion(short version) {
        if (version < MIN_VERSION) {
            throw new ProtocolException("SC object API version " + version
                    + " uses the classic envelope, which is not supported (need >= " + MIN_VERSION + ", §3.4.1)");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectApiEnvelope that && label.equals(that.label)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "ObjectApiEnvelope[label=" + label + ", payload=" + payload.length + " bytes]";
    }
}
