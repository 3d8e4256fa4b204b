package org.fluviokit.testkit.internal;

/**
 * A custom SPU as a Fluvio 0.18 SC's local metadata store keeps it ({@code SPU/custom-spu-ID.yaml},
 * one YAML file per object): what {@code fluvio cluster spu register} would store, written by the
 * kit so that no {@code fluvio} binary is needed to start a cluster.
 */
public final class SpuRegistration {

    private SpuRegistration() {
    }

    /** The file's name in the metadata directory's {@code SPU} folder. */
    public static String fileName(int spuId) {
        return "custom-spu-" + spuId + ".yaml";
    }

    /** The registration of SPU {@code spuId}, reached by clients at {@code publicHost:publicPort}. */
    public static String yaml(int spuId, String publicHost, int publicPort, String privateHost, int privatePort) {
        return "!1.0.0\n"
                + "meta:\n"
                + "  id: custom-spu-" + spuId + "\n"
                + "  revision: 0\n"
                + "key: custom-spu-" + spuId + "\n"
                + "status:\n"
                + "  resolution: Init\n"
                + "spec:\n"
                + "  spuId: " + spuId + "\n"
                + "  spuType: Custom\n"
                + "  publicEndpoint:\n"
                + "    port: " + publicPort + "\n"
                + "    ingress:\n"
                + "    - hostname: " + publicHost + "\n"
                + "      ip: null\n"
                + "    encryption: PLAINTEXT\n"
                + "  privateEndpoint:\n"
                + "    port: " + privatePort + "\n"
                + "    host: " + privateHost + "\n"
                + "    encryption: PLAINTEXT\n";
    }
}
