package dev.veil.cli;

import dev.veil.DetectionFailedException;
import dev.veil.Language;
import dev.veil.Veil;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code scan} and {@code redact} share: the inputs, the engine, per-record error reporting
 * without input text, and the exit code (4 if a detector failed, else 3 if an input was bad or the run
 * stopped early, else 1 if {@code --fail-on-findings} and something was found, else 0).
 */
abstract class RecordCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files or folders")
    List<Path> files;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--fail-on-findings", description = "exit 1 when any record has findings (or was blocked)")
    boolean failOnFindings;

    @Spec
    CommandSpec spec;

    /**
     * Handles one record and writes its output.
     *
     * @return how many findings it had
     * @throws DetectionFailedException if a detector failed (reported, and the record is skipped)
     * @throws IllegalArgumentException if the record is too long (reported, and the record is skipped)
     */
    abstract int handle(Records.Record record, Veil veil, Language language, PrintWriter out) throws IOException;

    /** Called once before the first record; may throw {@link UsageException}. */
    void start(Veil veil) throws IOException {
    }

    /** Called once after the last record, or after a {@link StopRun}; may throw {@link UsageException}. */
    void finish() throws IOException {
    }

    /**
     * Thrown by {@link #handle} when no further record can be handled (the run's session is full): the
     * run stops before this record, {@link #finish} still runs, and the exit code is 3. The message
     * never quotes input text.
     */
    static final class StopRun extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StopRun(String message) {
            super(message);
        }
    }

    @Override
    public final Integer call() throws IOException {
        String name = "veil " + spec.name();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Veil veil;
        Language language;
        try {
            veil = engineOptions.engine();
            language = engineOptions.language();
            start(veil);
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            return VeilCommand.USAGE;
        }
        int[] findings = {0};
        int[] problems = {0};
        int[] failures = {0};
        boolean stopped = false;
        try {
            new Records().read(files, new Records.Visitor() {
                @Override
                public void record(Records.Record record) throws IOException {
                    try {
                        findings[0] += handle(record, veil, language, out);
                    } catch (DetectionFailedException | IllegalArgumentException e) {
                        err.println(name + ": record " + record.id() + ": " + e.getMessage());
                        failures[0]++;
                    }
                }

                @Override
                public void problem(String where, String what) {
                    err.println(name + ": " + where + ": " + what);
                    problems[0]++;
                }
            });
        } catch (StopRun e) {
            err.println(name + ": " + e.getMessage());
            stopped = true;
        } catch (IOException | RuntimeException e) {
            // Still finish (redact writes its mapping), so what was output can be restored.
            out.flush();
            try {
                finish();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        out.flush();
        try {
            finish();
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            return VeilCommand.USAGE;
        }
        if (failures[0] > 0) {
            return VeilCommand.INTERNAL;
        }
        if (stopped || problems[0] > 0) {
            return VeilCommand.INPUT_ERROR;
        }
        return failOnFindings && findings[0] > 0 ? VeilCommand.FINDINGS : VeilCommand.OK;
    }
}
