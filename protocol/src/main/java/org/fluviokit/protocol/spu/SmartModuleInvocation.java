package org.fluviokit.protocol.spu;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A SmartModule attached to a Produce or StreamFetch request (spec §3.6.8). The CLI sends none
 * unless asked to; this type exists so that requests carrying SmartModules can be decoded (and
 * answered, for example with error 6000), and built in tests.
 *
 * <p>Layout: {@code wasm} (u8 tag), {@code kind} (u8 tag), {@code params}, then {@code name}
 * only at version &ge; 25 (a hand-written rule in Fluvio).
 *
 * @param wasm   which module: a predefined name or gzip'd ad-hoc WASM
 * @param kind   what the module does
 * @param params parameters and lookback
 * @param name   the module's name (v&ge;25)
 */
public record SmartModuleInvocation(Wasm wasm, Kind kind, ExtraParams params, Optional<String> name) {

    /** First version whose invocations carry {@code name}. */
    static final short NAME_VERSION = 25;

    public SmartModuleInvocation {
        Objects.requireNonNull(wasm, "wasm");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(name, "name");
    }

    /** Fluvio's {@code SmartModuleInvocationWasm}. */
    public sealed interface Wasm {
        /** Tag 0: a SmartModule already loaded in the cluster. */
        record Predefined(String name) implements Wasm {
            public Predefined {
                Objects.requireNonNull(name, "name");
            }
        }

        /** Tag 1: the module itself, gzip-compressed. */
        record AdHoc(byte[] gzippedWasm) implements Wasm {
            public AdHoc {
                gzippedWasm = gzippedWasm.clone();
            }

            @Override
            public byte[] gzippedWasm() {
                return gzippedWasm.clone();
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof AdHoc that && Arrays.equals(gzippedWasm, that.gzippedWasm);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(gzippedWasm);
            }

            @Override
            public String toString() {
                return "AdHoc[" + gzippedWasm.length + " bytes]";
            }
        }
    }

    /** Fluvio's {@code SmartModuleKind}, tags 0–7. Variant version gates are ignored, as in Fluvio (§1.5). */
    public sealed interface Kind {
        Kind FILTER = new Filter();
        Kind MAP = new Map();
        Kind ARRAY_MAP = new ArrayMap();
        Kind FILTER_MAP = new FilterMap();

        record Filter() implements Kind {
        }

        record Map() implements Kind {
        }

        record ArrayMap() implements Kind {
        }

        record Aggregate(byte[] accumulator) implements Kind {
            public Aggregate {
                accumulator = accumulator.clone();
            }

            @Override
            public byte[] accumulator() {
                return accumulator.clone();
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Aggregate that && Arrays.equals(accumulator, that.accumulator);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(accumulator);
            }

            @Override
            public String toString() {
                return "Aggregate[" + accumulator.length + " bytes]";
            }
        }

        record FilterMap() implements Kind {
        }

        record Join(String topic) implements Kind {
            public Join {
                Objects.requireNonNull(topic, "topic");
            }
        }

        record JoinStream(String topic, String derivedstream) implements Kind {
            public JoinStream {
                Objects.requireNonNull(topic, "topic");
                Objects.requireNonNull(derivedstream, "derivedstream");
            }
        }

        record Generic(ContextData context) implements Kind {
            public Generic {
                Objects.requireNonNull(context, "context");
            }
        }
    }

    /** Fluvio's {@code SmartModuleContextData}, the payload of {@link Kind.Generic}; tags 0–3. */
    public sealed interface ContextData {
        ContextData NONE = new None();

        record None() implements ContextData {
        }

        record Aggregate(byte[] accumulator) implements ContextData {
            public Aggregate {
                accumulator = accumulator.clone();
            }

            @Override
            public byte[] accumulator() {
                return accumulator.clone();
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Aggregate that && Arrays.equals(accumulator, that.accumulator);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(accumulator);
            }

            @Override
            public String toString() {
                return "Aggregate[" + accumulator.length + " bytes]";
            }
        }

        record Join(String topic) implements ContextData {
            public Join {
                Objects.requireNonNull(topic, "topic");
            }
        }

        record JoinStream(String topic, String derivedstream) implements ContextData {
            public JoinStream {
                Objects.requireNonNull(topic, "topic");
                Objects.requireNonNull(derivedstream, "derivedstream");
            }
        }
    }

    /**
     * Fluvio's {@code SmartModuleExtraParams}.
     *
     * @param params   the module's parameters (a BTreeMap on the wire)
     * @param lookback present from v20
     */
    public record ExtraParams(SortedMap<String, String> params, Optional<Lookback> lookback) {

        public static final ExtraParams EMPTY = new ExtraParams(new TreeMap<>(), Optional.empty());

        public ExtraParams {
            params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
            Objects.requireNonNull(lookback, "lookback");
        }

        void encode(WireWriter out, short version) {
            out.btreeMap(params, WireWriter::string, WireWriter::string);
            if (version >= 20) {
                out.option(lookback, (w, l) -> l.encode(w, version));
            }
        }

        static ExtraParams decode(WireReader in, short version) {
            SortedMap<String, String> params = in.btreeMap("params", Comparator.naturalOrder(),
                    r -> r.string("param name"), r -> r.string("param value"));
            Optional<Lookback> lookback = version >= 20
                    ? in.option("lookback", r -> Lookback.decode(r, version))
                    : Optional.empty();
            return new ExtraParams(params, lookback);
        }
    }

    /**
     * Fluvio's {@code Lookback}: how many past records (and how old) a module sees on start.
     *
     * @param last u64 record count
     * @param age  present from v21
     */
    public record Lookback(long last, Optional<Duration> age) {

        public Lookback {
            Objects.requireNonNull(age, "age");
        }

        void encode(WireWriter out, short version) {
            out.u64(last);
            if (version >= 21) {
                out.option(age, WireWriter::duration);
            }
        }

        static Lookback decode(WireReader in, short version) {
            long last = in.u64("lookback last");
            Optional<Duration> age = version >= 21
                    ? in.option("lookback age", r -> r.duration("lookback age"))
                    : Optional.empty();
            return new Lookback(last, age);
        }
    }

    public void encode(WireWriter out, short version) {
        encodeWasm(out);
        encodeKind(out, version);
        params.encode(out, version);
        if (version >= NAME_VERSION) {
            out.option(name, WireWriter::string);
        }
    }

    public static SmartModuleInvocation decode(WireReader in, short version) {
        Wasm wasm = decodeWasm(in);
        Kind kind = decodeKind(in);
        ExtraParams params = ExtraParams.decode(in, version);
        Optional<String> name = version >= NAME_VERSION
                ? in.option("smartmodule name", r -> r.string("smartmodule name"))
                : Optional.empty();
        return new SmartModuleInvocation(wasm, kind, params, name);
    }

    private void encodeWasm(WireWriter out) {
        if (wasm instanceof Wasm.Predefined p) {
            out.u8(0).string(p.name());
        } else if (wasm instanceof Wasm.AdHoc a) {
            out.u8(1).bytes(a.gzippedWasm);
        }
    }

    private static Wasm decodeWasm(WireReader in) {
        int at = in.position();
        int tag = in.u8("smartmodule wasm");
        return switch (tag) {
            case 0 -> new Wasm.Predefined(in.string("predefined smartmodule name"));
            case 1 -> new Wasm.AdHoc(in.bytes("ad-hoc wasm"));
            default -> throw in.unknownTag("smartmodule wasm", tag, at);
        };
    }

    private void encodeKind(WireWriter out, short version) {
        if (kind instanceof Kind.Filter) {
            out.u8(0);
        } else if (kind instanceof Kind.Map) {
            out.u8(1);
        } else if (kind instanceof Kind.ArrayMap) {
            out.u8(2);
        } else if (kind instanceof Kind.Aggregate a) {
            out.u8(3).bytes(a.accumulator);
        } else if (kind instanceof Kind.FilterMap) {
            out.u8(4);
        } else if (kind instanceof Kind.Join j) {
            out.u8(5).string(j.topic());
        } else if (kind instanceof Kind.JoinStream j) {
            out.u8(6).string(j.topic()).string(j.derivedstream());
        } else if (kind instanceof Kind.Generic g) {
            out.u8(7);
            encodeContext(out, g.context());
        }
    }

    private static Kind decodeKind(WireReader in) {
        int at = in.position();
        int tag = in.u8("smartmodule kind");
        return switch (tag) {
            case 0 -> Kind.FILTER;
            case 1 -> Kind.MAP;
            case 2 -> Kind.ARRAY_MAP;
            case 3 -> new Kind.Aggregate(in.bytes("aggregate accumulator"));
            case 4 -> Kind.FILTER_MAP;
            case 5 -> new Kind.Join(in.string("join topic"));
            case 6 -> new Kind.JoinStream(in.string("join topic"), in.string("join derivedstream"));
            case 7 -> new Kind.Generic(decodeContext(in));
            default -> throw in.unknownTag("smartmodule kind", tag, at);
        };
    }

    private static void encodeContext(WireWriter out, ContextData context) {
        if (context instanceof ContextData.None) {
            out.u8(0);
        } else if (context instanceof ContextData.Aggregate a) {
            out.u8(1).bytes(a.accumulator);
        } else if (context instanceof ContextData.Join j) {
            out.u8(2).string(j.topic());
        } else if (context instanceof ContextData.JoinStream j) {
            out.u8(3).string(j.topic()).string(j.derivedstream());
        }
    }

    private static ContextData decodeContext(WireReader in) {
        int at = in.position();
        int tag = in.u8("smartmodule context");
        return switch (tag) {
            case 0 -> ContextData.NONE;
            case 1 -> new ContextData.Aggregate(in.bytes("aggregate accumulator"));
            case 2 -> new ContextData.Join(in.string("join topic"));
            case 3 -> new ContextData.JoinStream(in.string("join topic"), in.string("join derivedstream"));
            default -> throw in.unknownTag("smartmodule context", tag, at);
        };
    }
}
