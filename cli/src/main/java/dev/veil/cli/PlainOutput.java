package dev.veil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a plain-file record's output goes: printed under a {@code ==> path <==} header, or written
 * under an output folder with the same relative name (never outside it; an absolute path or one that
 * climbs out keeps only its file name). {@link #check} refuses, before anything is written, a run that
 * would write two inputs to one file or over an input.
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
        Path target = target(outDir, Path.of(path));
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    private static Path target(Path outDir, Path source) {
        Path target = outDir.resolve(source.isAbsolute() ? source.getFileName() : source).normalize();
        if (!target.startsWith(outDir.normalize())) {
            target = outDir.resolve(source.getFileName());
        }
        return target;
    }

    /**
     * Checks that the plain files among {@code inputs} (as {@link Records#files} lists them) each get an
     * output file of their own under {@code outDir}, and that none of those is an input.
     *
     * @throws UsageException naming the clash (paths only)
     */
    static void check(Path outDir, List<Path> inputs) throws IOException {
        if (outDir == null) {
            return;
        }
        Set<Path> inputFiles = new HashSet<>();
        for (Path input : inputs) {
            if (Files.exists(input)) {
                inputFiles.add(input.toRealPath());
            }
        }
        Map<Path, Path> inputByTarget = new HashMap<>();
        for (Path input : inputs) {
            if (Records.isJsonLines(input)) {
                continue; // its records are printed, not written under --out-dir
            }
            Path target = target(outDir, input).toAbsolutePath().normalize();
            Path other = inputByTarget.putIfAbsent(target, input);
            if (other != null && !other.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw new UsageException("--out-dir: " + other + " and " + input + " would both be written to " + target
                        + "; use separate runs or output folders");
            }
            if (Files.exists(target) && inputFiles.contains(target.toRealPath())) {
                throw new UsageException("--out-dir: writing " + input + " to " + target
                        + " would overwrite an input; choose another output folder");
            }
        }
    }
}
