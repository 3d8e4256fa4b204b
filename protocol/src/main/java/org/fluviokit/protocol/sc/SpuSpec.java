package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * An SPU's spec (label {@code "SPU"}, spec §3.5.3). Clients connect to
 * {@code public_endpoint.ingress[0].hostname} (else its ip) at {@code public_endpoint.port}
 * (§2.4). public_endpoint_local is on the wire from v1.
 *
 * @param id                  SPU id, referenced by partition leaders
 * @param spuType             managed or custom
 * @param publicEndpoint      where clients connect
 * @param privateEndpoint     SPU-to-SPU endpoint
 * @param rack                rack name
 * @param publicEndpointLocal used instead when the profile sets {@code use_spu_local_address}; v≥1
 */
public record SpuSpec(int id, SpuType spuType, IngressPort publicEndpoint, Endpoint privateEndpoint,
                      Optional<String> rack, Optional<Endpoint> publicEndpointLocal) {

    /** Fluvio's {@code SpuType}; constants in tag order. */
    public enum SpuType {
        MANAGED, CUSTOM
    }

    /** Fluvio's {@code EncryptionEnum}; constants in tag order. */
    public enum Encryption {
        PLAINTEXT, SSL
    }

    /**
     * Fluvio's {@code IngressPort}.
     *
     * @param port       u16
     * @param ingress    addresses; clients use the first
     * @param encryption PLAINTEXT or SSL
     */
    public record IngressPort(int port, List<IngressAddr> ingress, Encryption encryption) {
        public IngressPort {
            checkPort(port);
            ingress = List.copyOf(ingress);
            Objects.requireNonNull(encryption, "encryption");
        }
    }

    /**
     * Fluvio's {@code IngressAddr}.
     *
     * @param hostname preferred by clients
     * @param ip       used when there is no hostname
     */
    public record IngressAddr(Optional<String> hostname, Optional<String> ip) {
        public IngressAddr {
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(ip, "ip");
        }

        public static IngressAddr hostname(String hostname) {
            return new IngressAddr(Optional.of(hostname), Optional.empty());
        }
    }

    /**
     * Fluvio's {@code Endpoint}.
     *
     * @param port       u16
     * @param host       host name
     * @param encryption PLAINTEXT or SSL
     */
    public record Endpoint(int port, String host, Encryption encryption) {
        public Endpoint {
            checkPort(port);
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(encryption, "encryption");
        }

        void encode(WireWriter out) {
            out.u16(port).string(host).u8(encryption.ordinal());
        }

        static Endpoint decode(WireReader in) {
            return new Endpoint(in.u16("endpoint port"), in.string("endpoint host"),
                    in.u8Enum("encryption", Encryption.values()));
        }
    }

    public SpuSpec {
        Objects.requireNonNull(spuType, "spuType");
        Objects.requireNonNull(publicEndpoint, "publicEndpoint");
        Objects.requireNonNull(privateEndpoint, "privateEndpoint");
        Objects.requireNonNull(rack, "rack");
        Objects.requireNonNull(publicEndpointLocal, "publicEndpointLocal");
    }

    /**
     * A custom SPU as a local cluster registers it (example G): public endpoint
     * {@code host:publicPort}, private endpoint {@code host:privatePort}, plain text, no rack.
     */
    public static SpuSpec custom(int id, String host, int publicPort, int privatePort) {
        return new SpuSpec(id, SpuType.CUSTOM,
                new IngressPort(publicPort, List.of(IngressAddr.hostname(host)), Encryption.PLAINTEXT),
                new Endpoint(privatePort, host, Encryption.PLAINTEXT), Optional.empty(), Optional.empty());
    }

    public void encode(WireWriter out, short version) {
        out.i32(id).u8(spuType.ordinal());
        out.u16(publicEndpoint.port());
        out.vec(publicEndpoint.ingress(), (w, addr) -> {
            w.option(addr.hostname(), WireWriter::string);
            w.option(addr.ip(), WireWriter::string);
        });
        out.u8(publicEndpoint.encryption().ordinal());
        privateEndpoint.encode(out);
        out.option(rack, WireWriter::string);
        if (version >= 1) {
            out.option(publicEndpointLocal, (w, e) -> e.encode(w));
        }
    }

    public static SpuSpec decode(WireReader in, short version) {
        int id = in.i32("spu id");
        SpuType type = in.u8Enum("spu_type", SpuType.values());
        IngressPort publicEndpoint = new IngressPort(in.u16("public port"),
                in.vec("ingress", r -> new IngressAddr(
                        r.option("ingress hostname", hr -> hr.string("ingress hostname")),
                        r.option("ingress ip", ir -> ir.string("ingress ip")))),
                in.u8Enum("encryption", Encryption.values()));
        Endpoint privateEndpoint = Endpoint.decode(in);
        Optional<String> rack = in.option("rack", r -> r.string("rack"));
        Optional<Endpoint> local = version >= 1
                ? in.option("public_endpoint_local", Endpoint::decode) : Optional.empty();
        return new SpuSpec(id, type, publicEndpoint, privateEndpoint, rack, local);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " does not fit in a u16");
        }
    }
}
