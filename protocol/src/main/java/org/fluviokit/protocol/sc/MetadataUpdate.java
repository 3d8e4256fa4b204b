package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * The body of a Watch response (spec §3.4.4). Clients apply it as follows (§2.3): a non-empty
 * {@code all} replaces their cache; else each change upserts or removes one object; if both are
 * empty nothing happens (the cache stays "never synced"). So always send a non-empty
 * {@code all}, and remove the last object of a kind with a {@link MsgType#DELETE} change.
 *
 * @param epoch   the server's store epoch (clients only log it)
 * @param changes incremental changes
 * @param all     a full snapshot
 * @param <S>     spec type
 * @param <T>     status type
 */
public record MetadataUpdate<S, T>(long epoch, List<Message<S, T>> changes, List<Metadata<S, T>> all) {

    /** Fluvio's {@code MsgType}; constants in tag order. */
    public enum MsgType {
        UPDATE, DELETE
    }

    /**
     * One change: Fluvio's {@code Message{header, content}}.
     *
     * @param header  UPDATE (upsert) or DELETE
     * @param content the object
     * @param <S>     spec type
     * @param <T>     status type
     */
    public record Message<S, T>(MsgType header, Metadata<S, T> content) {
        public Message {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(content, "content");
        }

        public static <S, T> Message<S, T> update(Metadata<S, T> content) {
            return new Message<>(MsgType.UPDATE, content);
        }

        public static <S, T> Message<S, T> delete(Metadata<S, T> content) {
            return new Message<>(MsgType.DELETE, content);
        }
    }

    public MetadataUpdate {
        changes = List.copyOf(changes);
        all = List.copyOf(all);
    }

    /** A full sync. */
    public static <S, T> MetadataUpdate<S, T> withAll(long epoch, List<Metadata<S, T>> all) {
        return new MetadataUpdate<>(epoch, List.of(), all);
    }

    /** Incremental changes. */
    public static <S, T> MetadataUpdate<S, T> withChanges(long epoch, List<Message<S, T>> changes) {
        return new MetadataUpdate<>(epoch, changes, List.of());
    }

    void encode(WireWriter out, short version, ObjectKind<S, T> kind) {
        out.i64(epoch);
        out.vec(changes, (w, m) -> {
            w.u8(m.header().ordinal());
            m.content().encode(w, version, kind);
        });
        out.vec(all, (w, m) -> m.encode(w, version, kind));
    }

    static <S, T> MetadataUpdate<S, T> decode(WireReader in, short version, ObjectKind<S, T> kind) {
        long epoch = in.i64("epoch");
        List<Message<S, T>> changes = in.vec("changes", r -> new Message<>(
                r.u8Enum("message header", MsgType.values()), Metadata.decode(r, version, kind)));
        List<Metadata<S, T>> all = in.vec("all", r -> Metadata.decode(r, version, kind));
        return new MetadataUpdate<>(epoch, changes, all);
    }
}
