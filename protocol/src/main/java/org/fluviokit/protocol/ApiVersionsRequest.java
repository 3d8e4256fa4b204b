package org.fluviokit.protocol;

import java.util.Objects;

/**
 * ApiVersions request (key 18, spec §3.2): the first request on every SC and SPU connection.
 * The three fields are present from v1; clients send v2.
 *
 * @param clientVersion the client library's crate version, e.g. {@code "0.50.1"}; the real SC
 *                      closes the connection without replying when this is not valid semver
 * @param clientOs      e.g. {@code "linux"}
 * @param clientArch    e.g. {@code "x86_64"}
 */
public record ApiVersionsRequest(String clientVersion, String clientOs, String clientArch)
        implements Encodable {

    public static final int API_KEY = ApiKey.API_VERSIONS;
    public static final short DEFAULT_API_VERSION = 2;

    public ApiVersionsRequest {
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(clientOs, "clientOs");
        Objects.requireNonNull(clientArch, "clientArch");
    }

    /**
     * Whether {@link #clientVersion()} is valid semver. A fake SC that wants to behave like the
     * real one hangs up when it is not (§2.2 step 2).
     */
    public boolean hasSemverClientVersion() {
        return SemVer.isValid(clientVersion);
    }

    @Override
    public void encode(WireWriter out, short version) {
        if (version >= 1) {
            out.string(clientVersion).string(clientOs).string(clientArch);
        }
    }

    public static ApiVersionsRequest decode(WireReader in, short version) {
        if (version < 1) {
            return new ApiVersionsRequest("", "", "");
        }
        return new ApiVersionsRequest(in.string("client_version"), in.string("client_os"),
                in.string("client_arch"));
    }
}
