package org.fluviokit.fake;

/** The requests a broker serves, named as in Fluvio's protocol; used to aim injected faults. */
public enum BrokerApi {
    CREATE_TOPIC,
    DELETE_TOPIC,
    LIST_TOPICS,
    PRODUCE,
    FETCH_OFFSETS,
    STREAM_FETCH,
    UPDATE_OFFSETS,
    UPDATE_CONSUMER_OFFSET,
    FETCH_CONSUMER_OFFSETS,
    DELETE_CONSUMER_OFFSET
}
