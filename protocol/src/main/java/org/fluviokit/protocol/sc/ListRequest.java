package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * List request (SC key 1003, spec §3.4.4): an envelope around
 * {@code {name_filters, summary, system}}. Answered with a {@link ListResponse}.
 *
 * @param label       the object kind's type label
 * @param nameFilters an object matches when its name <em>contains</em> one of them; empty = all
 * @param summary     v≥10
 * @param system      v≥13; topics and partitions: only objects whose system flag equals this
 */
public record ListRequest(String label, List<String> nameFilters, boolean summary, boolean system)
        implements Encodable {

    public static final int API_KEY = ApiKey.Sc.LIST;
    public static final short DEFAULT_API_VERSION = ApiKey.Sc.CURRENT_VERSION;

    public ListRequest {
        Objects.requireNonNull(label, "label");
        nameFilters = List.copyOf(nameFilters);
    }

    /** Every non-system object of a kind ({@code fluvio topic list}). */
    public static ListRequest all(ObjectKind<?, ?> kind) {
        return new ListRequest(kind.label(), List.of(), false, false);
    }

    @Override
    public void encode(WireWriter out, short version) {
        ObjectApiEnvelope.write(out, version, label, w -> {
            w.vec(nameFilters, WireWriter::string);
            if (version >= 10) {
                w.bool(summary);
            }
            if (version >= 13) {
                w.bool(system);
            }
        });
    }

    public static ListRequest decode(WireReader in, short version) {
        return decode(ObjectApiEnvelope.decode(in, version), version);
    }

    public static ListRequest decode(ObjectApiEnvelope envelope, short version) {
        WireReader in = envelope.payloadReader();
        List<String> filters = in.vec("name_filters", r -> r.string("name filter"));
        boolean summary = version >= 10 && in.bool("summary");
        boolean system = version >= 13 && in.bool("system");
        return new ListRequest(envelope.label(), filters, summary, system);
    }
}
