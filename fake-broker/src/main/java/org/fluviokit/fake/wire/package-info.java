/**
 * The fake broker's wire door: {@link org.fluviokit.fake.wire.WireServer} serves a
 * {@link org.fluviokit.fake.FakeBroker} over Fluvio's wire protocol (spec wire-protocol §6), and
 * {@link org.fluviokit.fake.wire.StandaloneBroker} runs it as a process for the {@code fluvio} CLI.
 */
package org.fluviokit.fake.wire;
