package org.fluviokit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fluviokit.client.FluvioProfiles;

/** A temporary Fluvio profile file pointing at an endpoint, deleted on close. */
final class ProfileFile implements AutoCloseable {

    private final Path file;

    private ProfileFile(Path file) {
        this.file = file;
    }

    static ProfileFile pointingAt(String endpoint) {
        try {
            Path file = Files.createTempFile("fluviokit-profile", ".toml");
            Files.writeString(file, FluvioProfiles.render("fluviokit", endpoint), StandardCharsets.UTF_8);
            return new ProfileFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a Fluvio profile", e);
        }
    }

    Path path() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
