package org.fluviokit.protocol.sc;

import java.util.Objects;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * Delete request (SC key 1002, spec §3.4.3): an envelope around {@code {key, force}}. Answered
 * with a {@link Status}.
 *
 * <p>The key is a string for every kind except {@code "CustomSpu"}, whose key is an enum
 * ({@code "Name"} + string or {@code "Id"} + i32); those requests are reported as a
 * {@link ProtocolException}.
 *
 * @param label the object kind's type label
 * @param key   the object's name
 * @param force v≥13; needed to delete a system topic
 */
public record DeleteRequest(String label, String key, boolean force) implements Encodable {

    public static final int API_KEY = ApiKey.Sc.DELETE;
    public static final short DEFAULT_API_VERSION = ApiKey.Sc.CURRENT_VERSION;

    private static final String CUSTOM_SPU = "CustomSpu";

    public DeleteRequest {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(key, "key");
        if (CUSTOM_SPU.equals(label)) {
            throw new IllegalArgumentException("CustomSpu delete keys are not strings");
        }
    }

    /** {@code fluvio topic delete NAME}. */
    public static DeleteRequest topic(String name) {
        return new DeleteRequest(ObjectKind.TOPIC.label(), name, false);
    }

    @Override
    public void encode(WireWriter out, short version) {
        ObjectApiEnvelope.write(out, version, label, w -> {
            w.string(key);
            if (version >= 13) {
                w.bool(force);
            }
        });
    }

    public static DeleteRequest decode(WireReader in, short version) {
        return decode(ObjectApiEnvelope.decode(in, version), version);
    }

    public static DeleteRequest decode(ObjectApiEnvelope envelope, short version) {
        if (CUSTOM_SPU.equals(envelope.label())) {
            throw new ProtocolException("deleting a CustomSpu (enum key Name/Id) is not supported");
        }
        WireReader in = envelope.payloadReader();
        String key = in.string("delete key");
        boolean force = version >= 13 && in.bool("force");
        return new DeleteRequest(envelope.label(), key, force);
    }
}
