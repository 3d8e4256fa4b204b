package org.fluviokit.protocol.sc;

import java.util.Objects;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * One SC object as List and Watch responses carry it (spec §3.4.4): {@code {name, spec, status}}.
 * Partition names must be {@code <topic>-<n>} or clients reject the whole update (§2.3).
 *
 * @param name   the object's key
 * @param spec   its spec
 * @param status its status
 * @param <S>    spec type
 * @param <T>    status type
 */
public record Metadata<S, T>(String name, S spec, T status) {

    public Metadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
    }

    void encode(WireWriter out, short version, ObjectKind<S, T> kind) {
        out.string(name);
        kind.encodeSpec(out, version, spec);
        kind.encodeStatus(out, version, status);
    }

    static <S, T> Metadata<S, T> decode(WireReader in, short version, ObjectKind<S, T> kind) {
        String name = in.string(kind.label() + " name");
        S spec = kind.decodeSpec(in, version);
        T status = kind.decodeStatus(in, version);
        return new Metadata<>(name, spec, status);
    }
}
