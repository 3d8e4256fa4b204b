package org.fluviokit.conformance;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The CLI transcripts: the built-in ones and those of {@code -Dfluviokit.scenarios} folders. */
@DisplayName("CLI transcripts")
class TranscriptSuite {

    @TestFactory
    @DisplayName("transcripts")
    Stream<DynamicNode> transcripts() {
        return Transcripts.builtInAndExtra();
    }
}
