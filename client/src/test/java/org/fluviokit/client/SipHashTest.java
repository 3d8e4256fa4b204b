package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;

import com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SipHash-2-4 as its paper specifies it, and the partition a key goes to as Fluvio computes it (wire-protocol §5.1). */
class SipHashTest {

    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    /** Messages 00, 00 01, … of the reference implementation's test vectors, key 00 01 … 0f. */
    private static byte[] counting(int length) {
        byte[] message = new byte[length];
        for (int i = 0; i < length; i++) {
            message[i] = (byte) i;
        }
        return message;
    }

    @Test
    void matchesThePapersTestVectors() {
        assertThat(SipHash.hash24(K0, K1, counting(0))).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(SipHash.hash24(K0, K1, counting(1))).isEqualTo(0x74f839c593dc67fdL);
        assertThat(SipHash.hash24(K0, K1, counting(7))).isEqualTo(0xab0200f58b01d137L);
        assertThat(SipHash.hash24(K0, K1, counting(8))).isEqualTo(0x93f5f5799a932462L);
        // the worked example of the paper's appendix: 15 bytes
        assertThat(SipHash.hash24(K0, K1, counting(15))).isEqualTo(0xa129ca6149be45e5L);
    }

    @Test
    void agreesWithAnIndependentImplementationOnAnyInput() {
        qt().withExamples(500)
                .forAll(lists().of(integers().between(-128, 127)).ofSizeBetween(0, 70), integers().all(), integers().all())
                .checkAssert((values, k0, k1) -> {
                    byte[] data = new byte[values.size()];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = values.get(i).byteValue();
                    }
                    long expected = Hashing.sipHash24(k0 * 31L, k1 * 17L).hashBytes(data).asLong();
                    assertThat(SipHash.hash24(k0 * 31L, k1 * 17L, data)).isEqualTo(expected);
                });
    }

    /** The table of wire-protocol §5.1, computed three independent ways for the spec. */
    @ParameterizedTest(name = "key {0}: mod 2 = {1}, mod 3 = {2}, mod 4 = {3}")
    @CsvSource({"1, 0, 1, 2", "2, 0, 2, 2", "4, 1, 0, 1", "8, 1, 0, 3"})
    void keyedRecordsGoWhereFluviosPartitionerPutsThem(String key, int mod2, int mod3, int mod4) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        assertThat(Partitioner.keyed(bytes, 2)).isEqualTo(mod2);
        assertThat(Partitioner.keyed(bytes, 3)).isEqualTo(mod3);
        assertThat(Partitioner.keyed(bytes, 4)).isEqualTo(mod4);
    }
}
