package dev.veil.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code veil} command. Exit codes for every subcommand: 0 ok, 1 findings present with
 * {@code --fail-on-findings}, 2 usage error, 3 input error, 4 internal failure. Errors go to stderr and
 * never quote input text.
 */
@Command(name = "veil", mixinStandardHelpOptions = true, version = "veil 0.1.0",
        description = "Find and protect personal data in prompts and documents.",
        subcommands = {ScanCommand.class, RedactCommand.class, RestoreCommand.class, EvalCommand.class, TrainCommand.class})
public final class VeilCommand implements Runnable {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INPUT_ERROR = 3;
    static final int INTERNAL = 4;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: scan, redact, restore, eval or train");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line with the given streams and returns the exit code; used by tests. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new VeilCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                // A command may find a bad option only once it runs; its message never quotes input.
                err.println("veil " + commandLine.getCommandName() + ": " + e.getMessage());
                return USAGE;
            }
            // Never print the exception message of an unknown failure: it may quote input text.
            err.println("veil: internal failure (" + e.getClass().getSimpleName() + ")");
            return INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
