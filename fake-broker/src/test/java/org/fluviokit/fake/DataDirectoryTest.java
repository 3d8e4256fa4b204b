package org.fluviokit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory a broker cannot use is refused at build time with one line that names it. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    private static FakeBroker.Builder on(Path directory) {
        return FakeBroker.builder().dataDirectory(directory).journalNotices(notice -> { });
    }

    @Test
    void aRegularFileIsNotADataDirectory() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "mine", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> on(file).build()).isInstanceOfSatisfying(DataDirectoryException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("cannot use " + file + " as a data directory: it is not a directory");
            assertThat(e.inUseByAnotherBroker()).isFalse();
        });
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("mine");
    }

    @Test
    void aDirectoryUnderARegularFileCannotBeCreated() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "mine", StandardCharsets.UTF_8);
        Path below = file.resolve("below");

        assertThatThrownBy(() -> on(below).build()).isInstanceOf(DataDirectoryException.class)
                .hasMessageStartingWith("cannot use " + below + " as a data directory: ");
    }

    @Test
    void aDirectoryNobodyMayWriteIntoIsRefused() throws IOException {
        Path readOnly = ReadOnlyDirectory.in(temp);

        assertThatThrownBy(() -> on(readOnly).build()).isInstanceOfSatisfying(DataDirectoryException.class, e -> {
            assertThat(e.getMessage()).startsWith("cannot use " + readOnly + " as a data directory: ").doesNotContain("\n");
            assertThat(e.inUseByAnotherBroker()).isFalse();
        });
    }

    @Test
    void aSecondBrokerOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        Path data = temp.resolve("data");
        try (FakeBroker first = on(data).build()) {
            first.createTopic("t", 1);
            assertThatThrownBy(() -> on(data).build()).isInstanceOfSatisfying(DataDirectoryException.class, e -> {
                assertThat(e.inUseByAnotherBroker()).isTrue();
                assertThat(e.getMessage()).isEqualTo("cannot use " + data + " as a data directory: a broker in this"
                        + " process is using it (it holds " + data.resolve("fluviokit.lock")
                        + "); stop that broker or choose another directory");
            });
            // the refused broker took nothing from the first: it still journals
            first.createTopic("u", 1);
        }
        try (FakeBroker second = on(data).build()) {
            assertThat(second.topic("u")).isPresent();
        }
    }

    @Test
    void theSameDirectoryByAnotherPathIsTheSameDirectory() throws IOException {
        Path data = Files.createDirectory(temp.resolve("data"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), data);
        try (FakeBroker first = on(data).build()) {
            assertThatThrownBy(() -> on(link).build()).isInstanceOfSatisfying(DataDirectoryException.class,
                    e -> assertThat(e.inUseByAnotherBroker()).isTrue());
            assertThat(first.createTopic("still-journaled", 1).name()).isEqualTo("still-journaled");
        }
    }
}
