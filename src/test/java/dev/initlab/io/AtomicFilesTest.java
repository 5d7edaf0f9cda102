package dev.initlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path temp;

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(temp.resolve("result.json"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writtenFilesAreWholeAndReadableByAll() throws IOException {
        Path target = temp.resolve("a/b/out.txt");
        AtomicFiles.writeString(target, "whole");
        assertThat(Files.readString(target)).isEqualTo("whole");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
    }
}
