package org.fluviokit.protocol.spu;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * StreamFetch request (SPU key 1003, streaming; spec §3.6.3): opens a stream of fetch responses
 * for one partition, all carrying this request's correlation id.
 *
 * <p>Version gates: {@code wasm_module} v11–18, {@code smartmodule} and {@code derivedstream}
 * v16–18, {@code smartmodules} v≥18, {@code consumer_id} v≥23.
 *
 * @param topic         topic name
 * @param partition     u32 partition
 * @param fetchOffset   first offset wanted
 * @param maxBytes      size limit per response; clients send {@link #DEFAULT_MAX_BYTES}
 * @param isolation     u8 here (0 ReadUncommitted, 1 ReadCommitted)
 * @param wasmModule    legacy raw module, v11–18
 * @param smartmodule   legacy single invocation, v16–18
 * @param derivedstream legacy derived stream, v16–18
 * @param smartmodules  the SmartModule chain, v≥18
 * @param consumerId    named consumer whose offsets this stream may commit, v≥23
 */
public record StreamFetchRequest(String topic, int partition, long fetchOffset, int maxBytes,
                                 Isolation isolation, byte[] wasmModule,
                                 Optional<SmartModuleInvocation> smartmodule,
                                 Optional<DerivedStreamInvocation> derivedstream,
                                 List<SmartModuleInvocation> smartmodules,
                                 Optional<String> consumerId) implements Encodable {

    public static final int API_KEY = ApiKey.Spu.STREAM_FETCH;
    public static final short DEFAULT_API_VERSION = ApiKey.Spu.CURRENT_VERSION;
    /** 1 048 588 + 255 (longest topic name) + 47 (empty response structures), §3.6.3. */
    public static final int DEFAULT_MAX_BYTES = 1_048_890;

    /**
     * Fluvio's legacy {@code DerivedStreamInvocation} (v16–18 only).
     *
     * @param stream name of the derived stream
     * @param params its parameters
     */
    public record DerivedStreamInvocation(String stream, SmartModuleInvocation.ExtraParams params) {
        public DerivedStreamInvocation {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(params, "params");
        }
    }

    public StreamFetchRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(isolation, "isolation");
        wasmModule = wasmModule.clone();
        Objects.requireNonNull(smartmodule, "smartmodule");
        Objects.requireNonNull(derivedstream, "derivedstream");
        smartmodules = List.copyOf(smartmodules);
        Objects.requireNonNull(consumerId, "consumerId");
    }

    /** A request as the CLI sends it (§2.5): default max bytes, ReadUncommitted, no SmartModules. */
    public static StreamFetchRequest of(String topic, int partition, long fetchOffset) {
        return new StreamFetchRequest(topic, partition, fetchOffset, DEFAULT_MAX_BYTES,
                Isolation.READ_UNCOMMITTED, new byte[0], Optional.empty(), Optional.empty(),
                List.of(), Optional.empty());
    }

    /** This request on behalf of a named consumer ({@code consume --consumer NAME}). */
    public StreamFetchRequest withConsumerId(String consumer) {
        return new StreamFetchRequest(topic, partition, fetchOffset, maxBytes, isolation, wasmModule,
                smartmodule, derivedstream, smartmodules, Optional.of(consumer));
    }

    /** This request with another limit on the bytes of one response. */
    public StreamFetchRequest withMaxBytes(int bytes) {
        return new StreamFetchRequest(topic, partition, fetchOffset, bytes, isolation, wasmModule,
                smartmodule, derivedstream, smartmodules, consumerId);
    }

    public StreamFetchRequest withSmartmodules(List<SmartModuleInvocation> chain) {
        return new StreamFetchRequest(topic, partition, fetchOffset, maxBytes, isolation, wasmModule,
                smartmodule, derivedstream, chain, consumerId);
    }

    @Override
    public byte[] wasmModule() {
        return wasmModule.clone();
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.string(topic).u32(Integer.toUnsignedLong(partition)).i64(fetchOffset).i32(maxBytes);
        isolation.encode(out);
        if (version >= 11 && version <= 18) {
            out.bytes(wasmModule);
        }
        if (version >= 16 && version <= 18) {
            out.option(smartmodule, (w, sm) -> sm.encode(w, version));
            out.option(derivedstream, (w, ds) -> {
                w.string(ds.stream());
                ds.params().encode(w, version);
            });
        }
        if (version >= 18) {
            out.vec(smartmodules, (w, sm) -> sm.encode(w, version));
        }
        if (version >= 23) {
            out.option(consumerId, WireWriter::string);
        }
    }

    public static StreamFetchRequest decode(WireReader in, short version) {
        String topic = in.string("topic");
        int partition = (int) in.u32("partition");
        long fetchOffset = in.i64("fetch_offset");
        int maxBytes = in.i32("max_bytes");
        Isolation isolation = Isolation.decode(in);
        byte[] wasmModule = version >= 11 && version <= 18 ? in.bytes("wasm_module") : new byte[0];
        Optional<SmartModuleInvocation> smartmodule = Optional.empty();
        Optional<DerivedStreamInvocation> derivedstream = Optional.empty();
        if (version >= 16 && version <= 18) {
            smartmodule = in.option("smartmodule", r -> SmartModuleInvocation.decode(r, version));
            derivedstream = in.option("derivedstream", r -> new DerivedStreamInvocation(
                    r.string("derivedstream name"),
                    SmartModuleInvocation.ExtraParams.decode(r, version)));
        }
        List<SmartModuleInvocation> smartmodules = version >= 18
                ? in.vec("smartmodules", r -> SmartModuleInvocation.decode(r, version))
                : List.of();
        Optional<String> consumerId = version >= 23
                ? in.option("consumer_id", r -> r.string("consumer_id"))
                : Optional.empty();
        return new StreamFetchRequest(topic, partition, fetchOffset, maxBytes, isolation, wasmModule,
                smartmodule, derivedstream, smartmodules, consumerId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamFetchRequest that
                && topic.equals(that.topic) && partition == that.partition
                && fetchOffset == that.fetchOffset && maxBytes == that.maxBytes
                && isolation == that.isolation && Arrays.equals(wasmModule, that.wasmModule)
                && smartmodule.equals(that.smartmodule) && derivedstream.equals(that.derivedstream)
                && smartmodules.equals(that.smartmodules) && consumerId.equals(that.consumerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, fetchOffset, maxBytes, isolation,
                Arrays.hashCode(wasmModule), smartmodule, derivedstream, smartmodules, consumerId);
    }

    @Override
    public String toString() {
        return "StreamFetchRequest[topic=" + topic + ", partition=" + partition
                + ", fetchOffset=" + fetchOffset + ", maxBytes=" + maxBytes + ", isolation=" + isolation
                + (wasmModule.length > 0 ? ", wasmModule=" + wasmModule.length + " bytes" : "")
                + smartmodule.map(sm -> ", smartmodule=" + sm).orElse("")
                + derivedstream.map(ds -> ", derivedstream=" + ds).orElse("")
                + ", smartmodules=" + smartmodules + ", consumerId=" + consumerId + "]";
    }
}
