package org.fluviokit.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The wire type of one field carried by an {@link ErrorCode} (spec §3.3), with the Java type that
 * holds it in {@link CodedError#fields()}.
 */
enum ErrorField {
    /** {@code String}. */
    STRING,
    /** {@code Optional<String>}. */
    OPTION_STRING,
    /** Any {@code Number}; written as i64. */
    I64,
    /** Any {@code Number}; written as u64 (its 64 bits). */
    U64,
    /** Any {@code Number} in {@code [0, 2^32)}; written as u32. */
    U32,
    /** {@code String} naming a {@code RequestKind} variant: u8 tag on the wire. */
    REQUEST_KIND,
    /** {@code String} naming a SmartModule kind of the runtime error: u8 tag on the wire. */
    SMART_MODULE_KIND,
    /** {@code byte[]}: record data, a varint length then the bytes (§4.4). */
    RECORD_BYTES,
    /** {@code Optional<byte[]>}: an option flag, then record data. */
    OPTION_RECORD_BYTES;

    /** Fluvio's {@code RequestKind}, by tag. */
    static final List<String> REQUEST_KINDS = List.of("Produce");

    /** The {@code SmartModuleKind} of {@code SmartModuleTransformRuntimeError}, by tag. */
    static final List<String> SMART_MODULE_KINDS =
            List.of("Filter", "Map", "ArrayMap", "Aggregate", "FilterMap", "Join", "Generic");

    /** Whether {@code value} is an acceptable Java value for this field. */
    boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case OPTION_STRING -> value instanceof Optional<?> o && o.map(String.class::isInstance).orElse(true);
            case I64, U64 -> value instanceof Number;
            case U32 -> value instanceof Number n && n.longValue() >= 0 && n.longValue() <= 0xFFFF_FFFFL;
            case REQUEST_KIND -> REQUEST_KINDS.contains(value);
            case SMART_MODULE_KIND -> SMART_MODULE_KINDS.contains(value);
            case RECORD_BYTES -> value instanceof byte[];
            case OPTION_RECORD_BYTES -> value instanceof Optional<?> o && o.map(byte[].class::isInstance).orElse(true);
        };
    }

    void encode(WireWriter out, Object value) {
        switch (this) {
            case STRING -> out.string((String) value);
            case OPTION_STRING -> out.option(optional(value), (w, s) -> w.string((String) s));
            case I64, U64 -> out.i64(((Number) value).longValue());
            case U32 -> out.u32(((Number) value).longValue());
            case REQUEST_KIND -> out.u8(REQUEST_KINDS.indexOf(value));
            case SMART_MODULE_KIND -> out.u8(SMART_MODULE_KINDS.indexOf(value));
            case RECORD_BYTES -> out.varintBytes((byte[]) value);
            case OPTION_RECORD_BYTES -> out.option(optional(value), (w, b) -> w.varintBytes((byte[]) b));
        }
    }

    Object decode(WireReader in, String what) {
        return switch (this) {
            case STRING -> in.string(what);
            case OPTION_STRING -> in.option(what, r -> r.string(what));
            case I64 -> in.i64(what);
            case U64 -> in.u64(what);
            case U32 -> in.u32(what);
            case REQUEST_KIND -> tag(in, what, REQUEST_KINDS);
            case SMART_MODULE_KIND -> tag(in, what, SMART_MODULE_KINDS);
            case RECORD_BYTES -> in.varintBytes(what);
            case OPTION_RECORD_BYTES -> in.option(what, r -> r.varintBytes(what));
        };
    }

    private static String tag(WireReader in, String what, List<String> names) {
        int at = in.position();
        int tag = in.u8(what);
        if (tag >= names.size()) {
            throw in.unknownTag(what, tag, at);
        }
        return names.get(tag);
    }

    private static Optional<?> optional(Object value) {
        return (Optional<?>) value;
    }
}
