package org.fluviokit.protocol.sc;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A topic's deduplication settings (spec §3.5.1):
 * {@code {bounds {count u64, age Option<Duration>}, filter {transform {uses, with BTreeMap}}}}.
 *
 * @param bounds how many / how old records are remembered
 * @param filter the SmartModule that decides
 */
public record Deduplication(Bounds bounds, Filter filter) {

    public Deduplication {
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(filter, "filter");
    }

    /**
     * @param count u64 records remembered
     * @param age   how long they are remembered
     */
    public record Bounds(long count, Optional<Duration> age) {
        public Bounds {
            Objects.requireNonNull(age, "age");
        }
    }

    /** @param transform the deduplication SmartModule */
    public record Filter(Transform transform) {
        public Filter {
            Objects.requireNonNull(transform, "transform");
        }
    }

    /**
     * @param uses the SmartModule name
     * @param with its parameters
     */
    public record Transform(String uses, SortedMap<String, String> with) {
        public Transform {
            Objects.requireNonNull(uses, "uses");
            with = Collections.unmodifiableSortedMap(new TreeMap<>(with));
        }
    }

    public void encode(WireWriter out, short version) {
        out.u64(bounds.count()).option(bounds.age(), WireWriter::duration);
        out.string(filter.transform().uses());
        out.btreeMap(filter.transform().with(), WireWriter::string, WireWriter::string);
    }

    public static Deduplication decode(WireReader in, short version) {
        Bounds bounds = new Bounds(in.u64("dedup bounds count"),
                in.option("dedup bounds age", r -> r.duration("dedup bounds age")));
        String uses = in.string("dedup transform uses");
        SortedMap<String, String> with = in.btreeMap("dedup transform with", Comparator.naturalOrder(),
                r -> r.string("param name"), r -> r.string("param value"));
        return new Deduplication(bounds, new Filter(new Transform(uses, with)));
    }
}
