package org.fluviokit.fake.internal;

import org.fluviokit.fake.TopicInfo;
/**
 * Follows what the SC would publish to its metadata watchers: topics created and deleted, and
 * restarts. Methods run on the thread that made the change and must be quick.
 */
public interface BrokerListener {

    default void topicCreated(TopicInfo topic) {
    }

    default void topicDeleted(TopicInfo topic) {
    }

    default void restarted() {
    }
}
