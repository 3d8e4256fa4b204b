package org.fluviokit.protocol.sc;

import java.util.Objects;
import java.util.OptionalLong;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * Create request (SC key 1001, spec §3.4.2): an envelope around
 * {@code CreateRequest<S>{common, spec}}. Answered with a {@link Status}.
 *
 * @param kind   what is created (its label goes in the envelope)
 * @param common name, dry-run flag and timeout
 * @param spec   the object's spec
 * @param <S>    spec type
 */
public record CreateRequest<S>(ObjectKind<S, ?> kind, CommonCreateRequest common, S spec) implements Encodable {

    public static final int API_KEY = ApiKey.Sc.CREATE;
    public static final short DEFAULT_API_VERSION = ApiKey.Sc.CURRENT_VERSION;

    /**
     * Fluvio's {@code CommonCreateRequest}.
     *
     * @param name    the new object's name
     * @param dryRun  validate only
     * @param timeout u32 milliseconds; v≥7
     */
    public record CommonCreateRequest(String name, boolean dryRun, OptionalLong timeout) {
        public CommonCreateRequest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isPresent() && (timeout.getAsLong() < 0 || timeout.getAsLong() > 0xFFFF_FFFFL)) {
                throw new IllegalArgumentException("timeout " + timeout.getAsLong() + " ms is not a u32");
            }
        }
    }

    public CreateRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(spec, "spec");
    }

    /** {@code fluvio topic create}: no dry run, no timeout (§2.5). */
    public static CreateRequest<TopicSpec> topic(String name, TopicSpec spec) {
        return new CreateRequest<>(ObjectKind.TOPIC, new CommonCreateRequest(name, false, OptionalLong.empty()), spec);
    }

    @Override
    public void encode(WireWriter out, short version) {
        ObjectApiEnvelope.write(out, version, kind.label(), w -> {
            w.string(common.name()).bool(common.dryRun());
            if (version >= 7) {
                w.bool(common.timeout().isPresent());
                common.timeout().ifPresent(w::u32);
            }
            kind.encodeSpec(w, version, spec);
        });
    }

    /** Decodes envelope and payload; the envelope must carry {@code kind}. */
    public static <S> CreateRequest<S> decode(WireReader in, short version, ObjectKind<S, ?> kind) {
        return decode(ObjectApiEnvelope.decode(in, version, kind), version, kind);
    }

    /** Decodes the payload of an envelope already read; it must carry {@code kind}. */
    public static <S> CreateRequest<S> decode(ObjectApiEnvelope envelope, short version, ObjectKind<S, ?> kind) {
        envelope.expect(kind, -1);
        WireReader in = envelope.payloadReader();
        String name = in.string("common.name");
        boolean dryRun = in.bool("common.dry_run");
        OptionalLong timeout = OptionalLong.empty();
        if (version >= 7 && in.bool("common.timeout (option flag)")) {
            timeout = OptionalLong.of(in.u32("common.timeout"));
        }
        S spec = kind.decodeSpec(in, version);
        return new CreateRequest<>(kind, new CommonCreateRequest(name, dryRun, timeout), spec);
    }
}
