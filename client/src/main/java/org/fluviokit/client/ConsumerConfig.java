package org.fluviokit.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.ErrorCode;

/**
 * What a consumer stream reads and how it keeps its offset: Fluvio's {@code ConsumerConfigExt}.
 * Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * ConsumerConfig config = ConsumerConfig.builder()
 *         .topic("hello-topic")
 *         .offsetConsumer("c1")
 *         .offsetStart(Offset.beginning())
 *         .offsetStrategy(OffsetManagementStrategy.AUTO)
 *         .build();
 * }</pre>
 */
public final class ConsumerConfig {

    /** The API's default flush period (C2); Fluvio's CLI uses 2 s instead. */
    public static final Duration DEFAULT_OFFSET_FLUSH = Duration.ofSeconds(10);
    /**
     * The client's default {@code max_bytes} for a stream fetch: 1 048 588 + 255 (longest topic
     * name) + 47 (empty response structures), spec wire-protocol §3.6.3.
     */
    public static final int DEFAULT_MAX_BYTES = 1_048_890;
    /** Fluvio's default retry mode: {@code TryUntil(100)} reconnect attempts (M1). */
    public static final int DEFAULT_MAX_RECONNECT_ATTEMPTS = 100;

    private final String topic;
    private final List<Integer> partitions;
    private final Offset offsetStart;
    private final String offsetConsumer;
    private final OffsetManagementStrategy offsetStrategy;
    private final Duration offsetFlush;
    private final boolean disableContinuous;
    private final int maxBytes;
    private final int maxReconnectAttempts;

    private ConsumerConfig(Builder builder) {
        this.topic = builder.topic;
        this.partitions = List.copyOf(builder.partitions);
        this.offsetStart = builder.offsetStart;
        this.offsetConsumer = builder.offsetConsumer;
        this.offsetStrategy = builder.offsetStrategy;
        this.offsetFlush = builder.offsetFlush;
        this.disableContinuous = builder.disableContinuous;
        this.maxBytes = builder.maxBytes;
        this.maxReconnectAttempts = builder.maxReconnectAttempts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.topic = topic;
        builder.partitions.addAll(partitions);
        builder.offsetStart = offsetStart;
        builder.offsetConsumer = offsetConsumer;
        builder.offsetStrategy = offsetStrategy;
        builder.offsetFlush = offsetFlush;
        builder.disableContinuous = disableContinuous;
        builder.maxBytes = maxBytes;
        builder.maxReconnectAttempts = maxReconnectAttempts;
        return builder;
    }

    public String topic() {
        return topic;
    }

    /** The partitions to read; empty means every partition of the topic (F1). */
    public List<Integer> partitions() {
        return partitions;
    }

    public Offset offsetStart() {
        return offsetStart;
    }

    public Optional<String> offsetConsumer() {
        return Optional.ofNullable(offsetConsumer);
    }

    public OffsetManagementStrategy offsetStrategy() {
        return offsetStrategy;
    }

    public Duration offsetFlush() {
        return offsetFlush;
    }

    public boolean disableContinuous() {
        return disableContinuous;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public int maxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    @Override
    public String toString() {
        return "ConsumerConfig[topic=" + topic + ", partitions=" + partitions + ", start=" + offsetStart
                + ", consumer=" + offsetConsumer + ", strategy=" + offsetStrategy + ", flush=" + offsetFlush
                + ", disableContinuous=" + disableContinuous + "]";
    }

    /** Builds a {@link ConsumerConfig}; {@link #topic} and {@link #offsetStart} are required. */
    public static final class Builder {
        private String topic;
        private final List<Integer> partitions = new ArrayList<>();
        private Offset offsetStart;
        private String offsetConsumer;
        private OffsetManagementStrategy offsetStrategy = OffsetManagementStrategy.NONE;
        private Duration offsetFlush = DEFAULT_OFFSET_FLUSH;
        private boolean disableContinuous;
        private int maxBytes = DEFAULT_MAX_BYTES;
        private int maxReconnectAttempts = DEFAULT_MAX_RECONNECT_ATTEMPTS;

        private Builder() {
        }

        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /** Adds a partition to read; call it once per partition. Without any, every partition is read. */
        public Builder partition(int partition) {
            if (partition < 0) {
                throw new IllegalArgumentException("a partition is never negative: " + partition);
            }
            this.partitions.add(partition);
            return this;
        }

        public Builder offsetStart(Offset offset) {
            this.offsetStart = Objects.requireNonNull(offset, "offset");
            return this;
        }

        /** The consumer id offsets are stored under. Any text is accepted, as Fluvio does (L1). */
        public Builder offsetConsumer(String consumerId) {
            this.offsetConsumer = Objects.requireNonNull(consumerId, "consumerId");
            return this;
        }

        public Builder offsetStrategy(OffsetManagementStrategy strategy) {
            this.offsetStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * How often the auto strategy flushes (default 10 s). Fluvio counts whole seconds, so a
         * period under a second acts like one second, and zero flushes on every check (C2).
         */
        public Builder offsetFlush(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("a flush period is never negative: " + period);
            }
            this.offsetFlush = period;
            return this;
        }

        /** Read only what the partitions hold when the stream opens, then end (A7). */
        public Builder disableContinuous(boolean disable) {
            this.disableContinuous = disable;
            return this;
        }

        public Builder maxBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("max bytes must be positive: " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /** How many times a continuous stream reconnects before failing with MaxRetryReached (default 100, M1). */
        public Builder maxReconnectAttempts(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative: " + attempts);
            }
            this.maxReconnectAttempts = attempts;
            return this;
        }

        /**
         * @throws FluvioException with Fluvio's messages: a missing topic, then a missing start
         *                         (E5), then a Manual or Auto strategy without a consumer id (E4)
         */
        public ConsumerConfig build() {
            if (topic == null) {
                throw configError("Missing required config option: `topic` must be initialized");
            }
            if (offsetStart == null) {
                throw configError("Missing required config option: `offset_start` must be initialized");
            }
            if (offsetStrategy != OffsetManagementStrategy.NONE && offsetConsumer == null) {
                throw configError("Consumer id is required when using offset strategy");
            }
            return new ConsumerConfig(this);
        }

        private static FluvioException configError(String detail) {
            return new FluvioException(ErrorCode.OTHER, "Consumer config error: " + detail);
        }
    }
}
