package org.fluviokit.fake;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A directory no file can be created in, for tests of data directories that cannot be written. */
public final class ReadOnlyDirectory {

    private ReadOnlyDirectory() {
    }

    /**
     * A read-only directory under {@code temp}. Permissions make one for ordinary users; root
     * ignores them, and then sysfs (which refuses new files to everyone) stands in. Aborts the test
     * with the reason when neither works.
     */
    public static Path in(Path temp) throws IOException {
        Path directory = Files.createDirectory(temp.resolve("read-only"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (refusesNewFiles(directory)) {
            return directory;
        }
        Path sysfs = Path.of("/sys");
        assumeThat(Files.isDirectory(sysfs) && refusesNewFiles(sysfs))
                .as("no directory refuses new files to this user (root ignores permissions) and there is no /sys")
                .isTrue();
        return sysfs;
    }

    private static boolean refusesNewFiles(Path directory) {
        Path probe = directory.resolve("probe-" + ProcessHandle.current().pid());
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
