/**
 * The SC's object APIs (spec wire-protocol §3.4–3.5): Create, Delete, List and Watch inside the
 * typed {@link org.fluviokit.protocol.sc.ObjectApiEnvelope}, the {@link org.fluviokit.protocol.sc.Status}
 * answer, and the Topic, Partition and SPU objects with all their version gates.
 * {@link org.fluviokit.protocol.sc.ObjectKind} ties an envelope label to its spec and status types.
 */
package org.fluviokit.protocol.sc;
