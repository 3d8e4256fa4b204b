package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * List response (spec §3.4.4): an envelope with the request's label around {@code Vec<Metadata<S>>}.
 *
 * @param kind    the object kind
 * @param objects the matching objects
 * @param <S>     spec type
 * @param <T>     status type
 */
public record ListResponse<S, T>(ObjectKind<S, T> kind, List<Metadata<S, T>> objects) implements Encodable {

    public ListResponse {
        Objects.requireNonNull(kind, "kind");
        objects = List.copyOf(objects);
    }

    @Override
    public void encode(WireWriter out, short version) {
        ObjectApiEnvelope.write(out, version, kind.label(),
                w -> w.vec(objects, (mw, m) -> m.encode(mw, version, kind)));
    }

    /** Decodes envelope and payload; the envelope must carry {@code kind}. */
    public static <S, T> ListResponse<S, T> decode(WireReader in, short version, ObjectKind<S, T> kind) {
        ObjectApiEnvelope envelope = ObjectApiEnvelope.decode(in, version, kind);
        List<Metadata<S, T>> objects = envelope.payloadReader()
                .vec("objects", r -> Metadata.decode(r, version, kind));
        return new ListResponse<>(kind, objects);
    }
}
