package org.fluviokit.fake.internal;

import java.util.ArrayList;
import java.util.List;

import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.TopicInfo;

/** A topic and its partition logs. */
final class Topic {

    private final String name;
    private final TopicConfig config;
    private final PartitionLog[] logs;

    Topic(String name, TopicConfig config, Journal journal) {
        this.name = name;
        this.config = config;
        this.logs = new PartitionLog[config.partitions()];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = new PartitionLog(name, i, journal);
        }
    }

    String name() {
        return name;
    }

    TopicConfig config() {
        return config;
    }

    int partitionCount() {
        return logs.length;
    }

    PartitionLog log(int partition) {
        return logs[partition];
    }

    void attachJournal(Journal journal) {
        for (PartitionLog log : logs) {
            log.attachJournal(journal);
        }
    }

    /** What the partitions' entries take in the journal (the topic's creation aside). */
    long journalBytes() {
        long total = 0;
        for (PartitionLog log : logs) {
            total += log.journalBytes();
        }
        return total;
    }

    void markDeleted() {
        for (PartitionLog log : logs) {
            log.markDeleted();
        }
    }

    TopicInfo info(int leader) {
        List<TopicInfo.PartitionInfo> partitions = new ArrayList<>(logs.length);
        for (PartitionLog log : logs) {
            partitions.add(log.info(leader));
        }
        return new TopicInfo(name, config, partitions);
    }
}
