package org.fluviokit.client.spi;

import org.fluviokit.client.FluvioException;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * The texts Fluvio's client shows for errors, by where they come from: every transport reports a
 * cluster's refusal through these, so a test on the fake fails with the words it would on a cluster.
 */
public final class FluvioErrors {

    private FluvioErrors() {
    }

    /**
     * An SC refusal of an admin request, shown as Fluvio's {@code ApiError} shows it: a fixed text
     * for a few codes, otherwise the SC's message when it sent one, otherwise the code's text.
     */
    public static FluvioException admin(CodedError error, String serverMessage) {
        String text;
        switch (error.code()) {
            case TOPIC_ALREADY_EXISTS:
                text = "Topic already exists";
                break;
            case TOPIC_NOT_FOUND:
                text = "Topic not found";
                break;
            case TOPIC_INVALID_NAME:
                text = "Invalid topic name: topic name may only include lowercase letters (a-z), numbers (0-9),"
                        + " and hyphens (-).";
                break;
            default:
                text = serverMessage != null && !serverMessage.isEmpty() ? serverMessage : error.message();
                break;
        }
        return new FluvioException(error, text);
    }

    /** A produce answered with an error code, as Fluvio's producer reports it. */
    public static FluvioException produce(CodedError error) {
        return new FluvioException(error, "Producer error: Producer received an error code: " + error.message());
    }

    /**
     * A produce whose connection failed before its answer came: Fluvio's producer (at least once, its default)
     * retries on that connection until its socket gives up, then says it failed to get the record's metadata.
     * Checked with Fluvio's Python client against a dropped connection (REAL-CLUSTER.md #27).
     */
    public static FluvioException recordMetadataLost() {
        return new FluvioException(CodedError.other("failed to get record metadata"),
                "Producer error: failed to get record metadata");
    }

    public static FluvioException topicNotFound(String topic) {
        return new FluvioException(ErrorCode.TOPIC_NOT_FOUND, "Topic not found: " + topic);
    }

    public static FluvioException partitionNotFound(String topic, int partition) {
        return new FluvioException(ErrorCode.NOT_LEADER_FOR_PARTITION, "Partition not found: " + topic + "-" + partition);
    }

    /** A refusal of FetchConsumerOffsets. */
    public static FluvioException fetchConsumerOffsets(CodedError error) {
        return new FluvioException(error, "fetch consumer offsets failed with: " + error.message());
    }

    /** A refusal of DeleteConsumerOffset. */
    public static FluvioException deleteConsumerOffset(CodedError error) {
        return new FluvioException(error, "delete consumer offsets failed with: " + error.message());
    }

    /** An error answered by the cluster, shown with the code's own text. */
    public static FluvioException of(CodedError error) {
        return new FluvioException(error, error.message());
    }
}
