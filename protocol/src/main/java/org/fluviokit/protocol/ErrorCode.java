package org.fluviokit.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fluvio's error codes: the i16 tag each one has on the wire and the text Fluvio's client shows
 * for it (spec wire-protocol §3.3; texts from Fluvio's {@code ErrorCode} display strings).
 *
 * <p>Some codes carry data (for example {@link #OTHER}, {@link #OFFSET_EVICTED}); their message
 * templates refer to the fields by position, in the order the fields travel on the wire. Use
 * {@link CodedError} to hold a code together with its fields; its Javadoc lists the Java type of
 * every field.
 */
public enum ErrorCode {
    UNKNOWN_SERVER_ERROR(-1, "An unknown server error occurred"),
    NONE(0, "ErrorCode indicated success. If you see this it is likely a bug."),
    OFFSET_OUT_OF_RANGE(1, "Offset out of range"),
    OTHER(2, "Other error: %s", ErrorField.STRING),
    NOT_LEADER_FOR_PARTITION(6, "the given SPU is not the leader for the partition"),
    /** Fields: timeout in ms (u64), request kind (string; only {@code "Produce"}, tag 0, exists). */
    REQUEST_TIMED_OUT(7, "the request '%2$s' exceeded the timeout %1$s ms",
            ErrorField.U64, ErrorField.REQUEST_KIND),
    MESSAGE_TOO_LARGE(10, "the message is too large to send"),
    PERMISSION_DENIED(13, "permission denied"),
    STORAGE_ERROR(56, "a storage error occurred"),
    INVALID_CREATE_REQUEST(60, "invalid create request"),
    INVALID_DELETE_REQUEST(61, "invalid Delete request"),
    /** Fields: offset (i64), next available offset (i64). */
    OFFSET_EVICTED(71, "Offset %s is evicted. The next available is %s", ErrorField.I64, ErrorField.I64),
    /** Fields: topic (string), partition (u32). */
    PARTITION_FULL(72, "Partition storage is full", ErrorField.STRING, ErrorField.U32),
    PARTITION_SHORT_CIRCUITED(73, "Partition is short-circuited"),
    SPU_ERROR(1000, "an error occurred on the SPU"),
    SPU_REGISTERATION_FAILED(1001, "failed to register an SPU"),
    SPU_OFFLINE(1002, "the SPU is offline"),
    SPU_NOT_FOUND(1003, "the SPU was not found"),
    SPU_ALREADY_EXISTS(1004, "the SPU already exists"),
    TOPIC_ERROR(2000, "a topic error occurred"),
    TOPIC_NOT_FOUND(2001, "the topic was not found"),
    TOPIC_ALREADY_EXISTS(2002, "the topic already exists"),
    TOPIC_PENDING_INITIALIZATION(2003, "the topic has not been initialized"),
    TOPIC_INVALID_CONFIGURATION(2004, "the topic configuration is invalid"),
    TOPIC_NOT_PROVISIONED(2005, "the topic is not provisioned"),
    TOPIC_INVALID_NAME(2006, "the topic name is invalid"),
    TOPIC_DELETED(2007, "the topic was deleted"),
    TOPIC_INVALID_REPLICA_TYPE(2008, "the topic has invalid replica type"),
    PARTITION_PENDING_INITIALIZATION(3000, "the partition is not initialized"),
    PARTITION_NOT_LEADER(3001, "the partition is not a leader"),
    /** Fluvio spells this one "FetchSessionNotFoud". */
    FETCH_SESSION_NOT_FOUND(3002, "the fetch session was not found"),
    OFFSET_FLUSH_REQUEST_ERROR(3003, "offset flush error: %s", ErrorField.STRING),
    OFFSET_MANAGEMENT_DISABLED(3004, "the offset management is disabled for the stream"),
    MAX_RETRY_REACHED(3005, "max retry attempts reached"),
    MANAGED_CONNECTOR_ERROR(5000, "an error occurred while managing a connector"),
    MANAGED_CONNECTOR_NOT_FOUND(5001, "the managed connector was not found"),
    MANAGED_CONNECTOR_ALREADY_EXISTS(5002, "an error occurred while managing a connector"),
    SMART_MODULE_ERROR(6000, "an error occurred while managing a SmartModule"),
    /** Fields: name (string). */
    SMART_MODULE_NOT_FOUND(6001, "SmartModule %s was not found", ErrorField.STRING),
    /** Fields: error (string), name (optional string). */
    SMART_MODULE_INVALID(6002, "SmartModule is invalid: %s", ErrorField.STRING, ErrorField.OPTION_STRING),
    /** Fields: error (string), kind (string). */
    SMART_MODULE_INVALID_EXPORTS(6003,
            "SmartModule is not a valid '%2$s' SmartModule due to %1$s. Are you missing a #[smartmodule(%2$s)] attribute?",
            ErrorField.STRING, ErrorField.STRING),
    /**
     * Fields: hint (string), offset (i64), SmartModule kind (string: Filter, Map, ArrayMap,
     * Aggregate, FilterMap, Join or Generic), record key (optional byte[]), record value (byte[]).
     */
    SMART_MODULE_RUNTIME_ERROR(6004, "SmartModule transform error %s", ErrorField.STRING, ErrorField.I64,
            ErrorField.SMART_MODULE_KIND, ErrorField.OPTION_RECORD_BYTES, ErrorField.RECORD_BYTES),
    SMART_MODULE_CHAIN_INIT_ERROR(6005, "Error initializing %s SmartModule Chain", ErrorField.STRING),
    SMART_MODULE_INIT_ERROR(6006, "SmartModule init error %s", ErrorField.STRING),
    SMART_MODULE_LOOK_BACK_ERROR(6007, "SmartModule look_back error: %s", ErrorField.STRING),
    SMART_MODULE_MEMORY_LIMIT_EXCEEDED(6008,
            "SmartModule memory limit exceeded: requested %s bytes, max allowed %s bytes",
            ErrorField.U64, ErrorField.U64),
    TABLE_FORMAT_ERROR(7000, "a tableformat error occurred"),
    TABLE_FORMAT_NOT_FOUND(7001, "the tableformat was not found"),
    TABLE_FORMAT_ALREADY_EXISTS(7002, "the tableformat already exists"),
    DERIVED_STREAM_OBJECT_ERROR(8000, "DerivedStream object error"),
    DERIVED_STREAM_NOT_FOUND(8001, "the derivedstream was not found", ErrorField.STRING),
    DERIVED_STREAM_JOIN_FETCH_ERROR(8002, "the derivedstream join data cannot be fetched"),
    DERIVED_STREAM_INVALID(8003, "the derivedstream %s is invalid", ErrorField.STRING),
    COMPRESSION_ERROR(9000, "a compression error occurred in the SPU"),
    DEDUPLICATION_SMART_MODULE_NOT_LOADED(10000, "Deduplication SmartModule is not loaded into the cluster"),
    DEDUPLICATION_SMART_MODULE_NAME_INVALID(10001, "Deduplication SmartModule name is invalid: %s",
            ErrorField.STRING),
    MIRROR_NOT_FOUND(11001, "the mirror was not found"),
    MIRROR_ALREADY_EXISTS(11002, "the mirror already exists"),
    MIRROR_PRODUCE_FROM_HOME(11003, "produce from home is not allowed"),
    MIRROR_DELETE_FROM_REMOTE(11004, "delete from remote is not allowed"),
    MIRROR_INVALID_TYPE(11005, "the mirror is invalid"),
    MIRROR_PRODUCE_FROM_REMOTE_NOT_ALLOWED(11006, "produce from remote target is not allowed"),
    /** Fields: kind (string), name (string). */
    SYSTEM_SPEC_DELETION_ATTEMPT(12001, "system %s '%s' can only be deleted forcibly",
            ErrorField.STRING, ErrorField.STRING),
    /** Fields: kind (string), name (string). */
    SYSTEM_SPEC_UPDATING_ATTEMPT(12002, "system %s '%s' can only be updated forcibly",
            ErrorField.STRING, ErrorField.STRING);

    private static final Map<Short, ErrorCode> BY_TAG = new HashMap<>();

    static {
        for (ErrorCode code : values()) {
            BY_TAG.put(code.tag, code);
        }
    }

    private final short tag;
    private final String template;
    private final List<ErrorField> fields;

    ErrorCode(int tag, String template, ErrorField... fields) {
        this.tag = (short) tag;
        this.template = template;
        this.fields = List.of(fields);
    }

    /** The types of this code's fields, in wire order (§3.3). */
    List<ErrorField> fields() {
        return fields;
    }

    /** The i16 tag that identifies this code on the wire. */
    public short tag() {
        return tag;
    }

    /** Whether this code means success. */
    public boolean isOk() {
        return this == NONE;
    }

    /**
     * The text Fluvio shows for this code, with the code's fields filled in.
     *
     * @param fields the code's fields, in wire order (none for codes without fields)
     */
    public String message(Object... fields) {
        if (!template.contains("%")) {
            return template;
        }
        return String.format(template, fields);
    }

    /** The code with this wire tag, if Fluvio defines one. */
    public static Optional<ErrorCode> fromTag(short tag) {
        return Optional.ofNullable(BY_TAG.get(tag));
    }
}
