package org.fluviokit.protocol.sc;

import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * The answer to Create, Delete and Update (spec §3.4.1): a plain struct, no envelope.
 *
 * @param name         the object name
 * @param errorCode    NONE on success
 * @param errorMessage shown by the CLI instead of the code's text when present
 */
public record Status(String name, CodedError errorCode, Optional<String> errorMessage) implements Encodable {

    public Status {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    public static Status ok(String name) {
        return new Status(name, CodedError.NONE, Optional.empty());
    }

    public static Status error(String name, CodedError errorCode, String message) {
        return new Status(name, errorCode, Optional.of(message));
    }

    public boolean isOk() {
        return errorCode.isOk();
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.string(name);
        errorCode.encode(out);
        out.option(errorMessage, WireWriter::string);
    }

    public static Status decode(WireReader in, short version) {
        return new Status(in.string("name"), CodedError.decode(in),
                in.option("error_message", r -> r.string("error_message")));
    }
}
