package org.fluviokit.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ApiVersions response (spec §3.2): which API keys and version ranges a server serves, and the
 * platform version it reports. No field is version-gated.
 *
 * @param errorCode       {@link CodedError#NONE} from real servers
 * @param apiKeys         the advertised ranges, in the server's order (the order matters for
 *                        negotiation, §1.7)
 * @param platformVersion must be semver: clients fail to decode the response otherwise, and so
 *                        does {@link #decode}
 */
public record ApiVersionsResponse(CodedError errorCode, List<ApiVersionKey> apiKeys,
                                  String platformVersion) implements Encodable {

    /**
     * One advertised range ({@code ApiVersionKey}).
     *
     * @param apiKey     the API key (an i16 here, unlike the u16 of the request header)
     * @param minVersion lowest version served
     * @param maxVersion highest version served
     */
    public record ApiVersionKey(int apiKey, short minVersion, short maxVersion) {

        public ApiVersionKey {
            if (apiKey < Short.MIN_VALUE || apiKey > Short.MAX_VALUE) {
                throw new IllegalArgumentException("api key " + apiKey + " does not fit in an i16");
            }
        }

        public static ApiVersionKey of(int apiKey, int minVersion, int maxVersion) {
            return new ApiVersionKey(apiKey, (short) minVersion, (short) maxVersion);
        }
    }

    public ApiVersionsResponse {
        Objects.requireNonNull(errorCode, "errorCode");
        apiKeys = List.copyOf(apiKeys);
        Objects.requireNonNull(platformVersion, "platformVersion");
    }

    /** A successful response. */
    public static ApiVersionsResponse of(List<ApiVersionKey> apiKeys, String platformVersion) {
        return new ApiVersionsResponse(CodedError.NONE, apiKeys, platformVersion);
    }

    /**
     * The version a Fluvio client would use for {@code apiKey} given its own range (§1.7): the
     * first advertised entry for that key whose range overlaps {@code [clientMin, clientMax]},
     * capped at {@code clientMax}; empty when no entry matches (the client then fails, or falls
     * back to its default version, depending on the API).
     */
    public Optional<Short> negotiate(int apiKey, short clientMin, short clientMax) {
        return negotiate(apiKeys, apiKey, clientMin, clientMax);
    }

    /** {@link #negotiate(int, short, short)} over a bare list of advertised ranges. */
    public static Optional<Short> negotiate(List<ApiVersionKey> advertised, int apiKey,
                                            short clientMin, short clientMax) {
        for (ApiVersionKey entry : advertised) {
            if (entry.apiKey() == apiKey
                    && entry.maxVersion() >= clientMin
                    && entry.minVersion() <= clientMax) {
                return Optional.of((short) Math.min(clientMax, entry.maxVersion()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void encode(WireWriter out, short version) {
        errorCode.encode(out);
        out.vec(apiKeys, (w, key) -> w.i16(key.apiKey()).i16(key.minVersion()).i16(key.maxVersion()));
        out.string(platformVersion);
    }

    public static ApiVersionsResponse decode(WireReader in, short version) {
        CodedError errorCode = CodedError.decode(in);
        List<ApiVersionKey> keys = in.vec("api_keys", r -> new ApiVersionKey(
                r.i16("api_key"), r.i16("min_version"), r.i16("max_version")));
        int at = in.position();
        String platformVersion = in.string("platform_version");
        // Fluvio's client parses it as semver while decoding (§3.2).
        if (!SemVer.isValid(platformVersion)) {
            throw in.invalid("platform_version \"" + platformVersion + "\" is not valid semver", at);
        }
        return new ApiVersionsResponse(errorCode, keys, platformVersion);
    }
}
