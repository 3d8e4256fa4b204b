package org.fluviokit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds scenario files: the built-in ones (the project's {@code scenarios/} folder, which travels
 * inside the suite's jar) and those of the folders named by {@value #EXTRA_FOLDERS_PROPERTY}.
 */
final class ScenarioFiles {

    /** System property naming extra scenario folders, separated by commas. */
    static final String EXTRA_FOLDERS_PROPERTY = "fluviokit.scenarios";

    private ScenarioFiles() {
    }

    /** Built-in files under {@code scenarios/<folder>} ending in one of the suffixes, sorted by path. */
    static List<Path> builtIn(String folder, String... suffixes) {
        URL url = ScenarioFiles.class.getClassLoader().getResource("scenarios/" + folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return walk(jar.getPath("/scenarios/" + folder), suffixes);
            }
            return walk(Path.of(uri), suffixes);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the built-in scenarios at " + url, e);
        }
    }

    /** Files of the folders named by the {@value #EXTRA_FOLDERS_PROPERTY} property, sorted by path. */
    static List<Path> extra(String... suffixes) {
        String folders = System.getProperty(EXTRA_FOLDERS_PROPERTY, "");
        List<Path> files = new ArrayList<>();
        for (String folder : folders.split(",")) {
            if (folder.isBlank()) {
                continue;
            }
            Path path = Path.of(folder.trim());
            if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException(EXTRA_FOLDERS_PROPERTY + " names " + path
                        + ", which is not a folder");
            }
            files.addAll(in(path, suffixes));
        }
        return files;
    }

    /** Files of one folder (and its sub-folders) ending in one of the suffixes, sorted by path. */
    static List<Path> in(Path folder, String... suffixes) {
        try {
            return walk(folder, suffixes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static List<Path> walk(Path folder, String... suffixes) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString();
                        for (String suffix : suffixes) {
                            if (name.endsWith(suffix)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .sorted()
                    .toList();
        }
    }
}
