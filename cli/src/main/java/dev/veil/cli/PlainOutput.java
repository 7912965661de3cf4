package dev.veil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a plain-file record's output goes: printed under a {@code ==> path <==} header, or written
 * under an output folder with the same relative name (never outside it).
 */
final class PlainOutput {

    private PlainOutput() {
    }

    static void write(Path outDir, String path, String text, PrintWriter out) throws IOException {
        if (outDir == null) {
            out.println("==> " + path + " <==");
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
            return;
        }
        Path source = Path.of(path);
        Path target = outDir.resolve(source.isAbsolute() ? source.getFileName() : source).normalize();
        if (!target.startsWith(outDir.normalize())) {
            target = outDir.resolve(source.getFileName());
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }
}
