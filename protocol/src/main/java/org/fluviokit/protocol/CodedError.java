package org.fluviokit.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Fluvio error code together with the fields it carries, as it travels in a response: an i16
 * tag, then the code's fields in declaration order (spec §3.3).
 *
 * <p>Java types of the fields, checked when the value is built:
 * <table>
 *   <caption>fields per code</caption>
 *   <tr><th>code</th><th>fields</th></tr>
 *   <tr><td>OTHER, OFFSET_FLUSH_REQUEST_ERROR, SMART_MODULE_NOT_FOUND, SMART_MODULE_CHAIN_INIT_ERROR,
 *       SMART_MODULE_INIT_ERROR (hint), SMART_MODULE_LOOK_BACK_ERROR, DERIVED_STREAM_NOT_FOUND,
 *       DERIVED_STREAM_INVALID, DEDUPLICATION_SMART_MODULE_NAME_INVALID</td>
 *       <td>String</td></tr>
 *   <tr><td>REQUEST_TIMED_OUT</td><td>Number timeout_ms (u64), String kind ("Produce")</td></tr>
 *   <tr><td>OFFSET_EVICTED</td><td>Number offset, Number next_available (i64)</td></tr>
 *   <tr><td>PARTITION_FULL</td><td>String topic, Number partition (u32)</td></tr>
 *   <tr><td>SMART_MODULE_INVALID</td><td>String error, Optional&lt;String&gt; name</td></tr>
 *   <tr><td>SMART_MODULE_INVALID_EXPORTS</td><td>String error, String kind</td></tr>
 *   <tr><td>SMART_MODULE_RUNTIME_ERROR</td><td>String hint, Number offset (i64), String kind
 *       (Filter, Map, ArrayMap, Aggregate, FilterMap, Join, Generic), Optional&lt;byte[]&gt;
 *       record_key, byte[] record_value</td></tr>
 *   <tr><td>SMART_MODULE_MEMORY_LIMIT_EXCEEDED</td><td>Number requested, Number max (u64)</td></tr>
 *   <tr><td>SYSTEM_SPEC_DELETION_ATTEMPT, SYSTEM_SPEC_UPDATING_ATTEMPT</td>
 *       <td>String kind, String name</td></tr>
 *   <tr><td>all others</td><td>none</td></tr>
 * </table>
 * Decoded numbers are {@code Long}s.
 *
 * @param code   the error code
 * @param fields the code's fields in wire order (empty for codes without fields)
 */
public record CodedError(ErrorCode code, List<Object> fields) {

    /** Success: no error. */
    public static final CodedError NONE = new CodedError(ErrorCode.NONE, List.of());

    public CodedError {
        Objects.requireNonNull(code, "code");
        fields = List.copyOf(fields);
        List<ErrorField> expected = code.fields();
        if (fields.size() != expected.size()) {
            throw new IllegalArgumentException(code + " carries " + expected.size()
                    + " field(s) " + expected + " but got " + fields.size());
        }
        Object[] normalized = fields.toArray();
        for (int i = 0; i < normalized.length; i++) {
            if (!expected.get(i).accepts(normalized[i])) {
                throw new IllegalArgumentException(code + " field " + i + " must be "
                        + expected.get(i) + " but got " + describe(normalized[i]));
            }
            // Numbers are held as Long so that built and decoded values compare equal.
            if (normalized[i] instanceof Number n) {
                normalized[i] = n.longValue();
            }
        }
        fields = List.of(normalized);
    }

    public static CodedError of(ErrorCode code, Object... fields) {
        return new CodedError(code, List.of(fields));
    }

    /** {@link ErrorCode#OTHER} with a free text, as Fluvio's {@code Other(String)}. */
    public static CodedError other(String text) {
        return of(ErrorCode.OTHER, text);
    }

    public boolean isOk() {
        return code.isOk();
    }

    /** The text Fluvio's client shows for this error. */
    public String message() {
        return code.message(fields.toArray());
    }

    /** Writes the i16 tag, then the fields. */
    public void encode(WireWriter out) {
        out.i16(code.tag());
        List<ErrorField> types = code.fields();
        for (int i = 0; i < types.size(); i++) {
            types.get(i).encode(out, fields.get(i));
        }
    }

    /** Reads an error code and its fields; a tag Fluvio does not define is an error (§3.3). */
    public static CodedError decode(WireReader in) {
        int at = in.position();
        short tag = in.i16("error_code");
        ErrorCode code = ErrorCode.fromTag(tag).orElseThrow(() -> in.unknownTag("error_code", tag, at));
        List<ErrorField> types = code.fields();
        if (types.isEmpty()) {
            return code == ErrorCode.NONE ? NONE : new CodedError(code, List.of());
        }
        Object[] values = new Object[types.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = types.get(i).decode(in, code + " field " + i);
        }
        return new CodedError(code, List.of(values));
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CodedError that) || code != that.code) {
            return false;
        }
        return Arrays.deepEquals(unwrapped(), that.unwrapped());
    }

    @Override
    public int hashCode() {
        return 31 * code.hashCode() + Arrays.deepHashCode(unwrapped());
    }

    @Override
    public String toString() {
        return code + (fields.isEmpty() ? "" : Arrays.deepToString(unwrapped()));
    }

    /** Fields with Optionals opened, so that byte arrays compare by content. */
    private Object[] unwrapped() {
        return fields.stream()
                .map(f -> f instanceof Optional<?> o ? new Object[] {o.orElse(null)} : f)
                .toArray();
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
