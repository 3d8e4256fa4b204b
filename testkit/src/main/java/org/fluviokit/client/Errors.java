package org.fluviokit.client;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/** The texts Fluvio's client shows for errors, by where they come from. */
final class Errors {

    private Errors() {
    }

    /**
     * An SC refusal of an admin request, shown as Fluvio's {@code ApiError} shows it: a fixed text
     * for a few codes, otherwise the SC's message when it sent one, otherwise the code's text.
     */
    static FluvioException admin(CodedError error, String serverMessage) {
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
    static FluvioException produce(CodedError error) {
        return new FluvioException(error, "Producer error: Producer received an error code: " + error.message());
    }

    static FluvioException topicNotFound(String topic) {
        return new FluvioException(ErrorCode.TOPIC_NOT_FOUND, "Topic not found: " + topic);
    }

    static FluvioException partitionNotFound(String topic, int partition) {
        return new FluvioException(ErrorCode.NOT_LEADER_FOR_PARTITION, "Partition not found: " + topic + "-" + partition);
    }
}
