package org.fluviokit.protocol.sc;

import java.util.Objects;

import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * One frame of a Watch stream (spec §3.4.4): an envelope with the request's label around a
 * {@link MetadataUpdate}.
 *
 * @param kind   the object kind
 * @param update the changes or full snapshot
 * @param <S>    spec type
 * @param <T>    status type
 */
public record WatchResponse<S, T>(ObjectKind<S, T> kind, MetadataUpdate<S, T> update) implements Encodable {

    public WatchResponse {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(update, "update");
    }

    @Override
    public void encode(WireWriter out, short version) {
        ObjectApiEnvelope.write(out, version, kind.label(), w -> update.encode(w, version, kind));
    }

    /** Decodes envelope and payload; the envelope must carry {@code kind}. */
    public static <S, T> WatchResponse<S, T> decode(WireReader in, short version, ObjectKind<S, T> kind) {
        ObjectApiEnvelope envelope = ObjectApiEnvelope.decode(in, version, kind);
        return new WatchResponse<>(kind, MetadataUpdate.decode(envelope.payloadReader(), version, kind));
    }
}
