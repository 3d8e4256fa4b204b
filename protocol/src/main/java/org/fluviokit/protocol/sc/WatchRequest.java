package org.fluviokit.protocol.sc;

import java.util.Objects;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * Watch request (SC key 1004, streaming; spec §3.4.4): an envelope around {@code {epoch, summary}}.
 * Answered with any number of {@link WatchResponse} frames carrying this request's correlation id;
 * the first must be a full sync.
 *
 * @param label   the object kind's type label
 * @param epoch   always 0 from clients
 * @param summary v≥10
 */
public record WatchRequest(String label, long epoch, boolean summary) implements Encodable {

    public static final int API_KEY = ApiKey.Sc.WATCH;
    public static final short DEFAULT_API_VERSION = ApiKey.Sc.CURRENT_VERSION;

    public WatchRequest {
        Objects.requireNonNull(label, "label");
    }

    /** What the client's metadata stores send (§2.2 step 4). */
    public static WatchRequest of(ObjectKind<?, ?> kind) {
        return new WatchRequest(kind.label(), 0, false);
    }

    @Override
    public void encode(WireWriter out, short version) {
        ObjectApiEnvelope.write(out, version, label, w -> {
            w.i64(epoch);
            if (version >= 10) {
                w.bool(summary);
            }
        });
    }

    public static WatchRequest decode(WireReader in, short version) {
        return decode(ObjectApiEnvelope.decode(in, version), version);
    }

    public static WatchRequest decode(ObjectApiEnvelope envelope, short version) {
        WireReader in = envelope.payloadReader();
        long epoch = in.i64("epoch");
        boolean summary = version >= 10 && in.bool("summary");
        return new WatchRequest(envelope.label(), epoch, summary);
    }
}
