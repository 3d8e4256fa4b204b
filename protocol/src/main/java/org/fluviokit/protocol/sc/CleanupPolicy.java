package org.fluviokit.protocol.sc;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A topic's cleanup policy (spec §3.5.1). Fluvio has one variant, {@code Segment} (tag 0):
 * segments older than {@code timeInSeconds} are removed.
 *
 * @param timeInSeconds u32 retention time
 */
public record CleanupPolicy(long timeInSeconds) {

    public CleanupPolicy {
        if (timeInSeconds < 0 || timeInSeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("time_in_seconds " + timeInSeconds + " is not a u32");
        }
    }

    /** {@code Segment{time_in_seconds}}. */
    public static CleanupPolicy segment(long timeInSeconds) {
        return new CleanupPolicy(timeInSeconds);
    }

    public void encode(WireWriter out, short version) {
        out.u8(0).u32(timeInSeconds);
    }

    public static CleanupPolicy decode(WireReader in, short version) {
        int at = in.position();
        int tag = in.u8("cleanup_policy");
        if (tag != 0) {
            throw in.unknownTag("cleanup_policy", tag, at);
        }
        return new CleanupPolicy(in.u32("time_in_seconds"));
    }
}
