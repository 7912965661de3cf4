package dev.veil.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Two builds of Veil timed in one JVM, in alternating blocks: how to tell whether a change to the hot
 * path pays back on a shared host, where two runs of the same code differ by up to 3× and a JMH table
 * cannot show a gain of a few percent. Each build is a benchmarks jar ({@code
 * benchmarks/target/benchmarks.jar}, which holds the core), loaded in a class loader of its own. The
 * same {@link BuildTask task}, defined in each loader from this tool's jar, runs against each build's
 * core on inputs this tool makes, so both builds time the same code on the same text, and a build
 * older than the tool can be timed as long as its core has the public API the task calls. Run it
 * twice, the second time with the jars swapped: the build loaded first can be favoured by where the
 * JIT and the heap put things.
 *
 * <p>Prints the median of each build's block medians and the median (p25, p75) of the per-round ratios
 * B / A (below 1: B is faster). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.CompareBuilds before.jar after.jar
 * TASK [rounds blockMillis warmUpSeconds]}, where TASK is one of {@code scan:CORPUS} (the default engine
 * without its cache), {@code redact:CORPUS}, {@code detect:DETECTOR:CORPUS} (one detector alone, as in
 * {@link DetectorBenchmark}), {@code conversation:TURN} ({@link ConversationRatio}'s turn, reply restored)
 * and {@code gateway:TURN} ({@link GatewayTurnBenchmark}'s turn, reply restored).
 */
public final class CompareBuilds {

    static final List<String> DETECTORS = List.of("be_national_number", "credit_card", "email", "iban", "ip_address",
            "nl_bsn", "person", "phone", "special_categories");

    /** A sample times this many nanoseconds at least: faster calls are timed in batches. */
    private static final long MIN_SAMPLE_NANOS = 1_000;

    private CompareBuilds() {
    }

    /** A build set up for a task: timed in blocks, a batch of calls per sample. */
    interface Build extends Alternating.Timed {
        /** Times {@code calls} calls per sample from now on. */
        void batch(int calls);
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 6) {
            usage("expected 3 to 6 arguments, got " + args.length);
        }
        int rounds = 20;
        long blockMillis = 1000;
        long warmUpSeconds = 15;
        try {
            parse(args[2]); // a mistyped task fails here, before either build is loaded
            rounds = args.length > 3 ? Integer.parseInt(args[3]) : rounds;
            blockMillis = args.length > 4 ? Long.parseLong(args[4]) : blockMillis;
            warmUpSeconds = args.length > 5 ? Long.parseLong(args[5]) : warmUpSeconds;
            Alternating.check(rounds, blockMillis, Math.multiplyExact(warmUpSeconds, 1000));
        } catch (NumberFormatException | ArithmeticException e) {
            usage("rounds, blockMillis and warmUpSeconds are whole numbers in range: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        Build a = null;
        Build b = null;
        try {
            a = load(Path.of(args[0]), args[2]);
            b = load(Path.of(args[1]), args[2]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.out.println(args[2] + ": " + compare(a, b, rounds, blockMillis, warmUpSeconds * 1000));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: CompareBuilds A.jar B.jar TASK [rounds blockMillis warmUpSeconds]");
        System.err.println("  TASK: scan:CORPUS | redact:CORPUS | detect:DETECTOR:CORPUS | conversation:TURN | gateway:TURN");
        System.exit(2);
    }

    /**
     * The task split into its kind and arguments, checked: {@code scan:CORPUS}, {@code redact:CORPUS},
     * {@code detect:DETECTOR:CORPUS}, {@code conversation:TURN} or {@code gateway:TURN} (turns 1 to 20).
     *
     * @throws IllegalArgumentException if it is none of those
     */
    static String[] parse(String task) {
        String[] parts = task.split(":", -1);
        boolean valid = switch (parts[0]) {
            case "scan", "redact" -> parts.length == 2 && isCorpus(parts[1]);
            case "detect" -> parts.length == 3 && DETECTORS.contains(parts[1]) && isCorpus(parts[2]);
            case "conversation", "gateway" -> parts.length == 2 && parts[1].matches("[0-9]{1,2}")
                    && Integer.parseInt(parts[1]) >= 1 && Integer.parseInt(parts[1]) <= Corpus.Conversation.TURNS;
            default -> false;
        };
        if (!valid) {
            throw new IllegalArgumentException("unknown task '" + task + "': scan:CORPUS, redact:CORPUS,"
                    + " detect:DETECTOR:CORPUS, conversation:TURN or gateway:TURN; corpora " + Arrays.toString(Corpus.values())
                    + ", detectors " + DETECTORS + ", turns 1 to " + Corpus.Conversation.TURNS);
        }
        return parts;
    }

    private static boolean isCorpus(String name) {
        return Arrays.stream(Corpus.values()).anyMatch(c -> c.name().equals(name));
    }

    /**
     * Warms both builds up, gives both the same batch of calls per sample (from the faster one's time
     * per call, once warm: with batches of different sizes the clock's cost would weigh differently),
     * then times them in alternating blocks; the report line.
     */
    static String compare(Build a, Build b, int rounds, long blockMillis, long warmUpMillis) {
        Alternating.check(rounds, blockMillis, warmUpMillis);
        long warmEnd = System.nanoTime() + warmUpMillis * 1_000_000L;
        while (System.nanoTime() < warmEnd) {
            a.medianOver(Math.min(500, blockMillis));
            b.medianOver(Math.min(500, blockMillis));
        }
        int calls = callsPerSample(Math.min(a.medianOver(Math.min(200, blockMillis)), b.medianOver(Math.min(200, blockMillis))));
        a.batch(calls);
        b.batch(calls);
        Alternating.Result r = Alternating.run(a, b, rounds, blockMillis, 0);
        return String.format(Locale.ROOT, "A %.2f µs, B %.2f µs, B / A %.3f (p25 %.3f, p75 %.3f) [%d alternating rounds of %d ms blocks]",
                r.medianA() / 1000, r.medianB() / 1000, r.ratio(), r.ratioP25(), r.ratioP75(), rounds, blockMillis);
    }

    /** How many calls of {@code nanosPerCall} each make a sample of at least {@link #MIN_SAMPLE_NANOS}. */
    static int callsPerSample(double nanosPerCall) {
        return (int) Math.max(1, Math.ceil(MIN_SAMPLE_NANOS / Math.max(1, nanosPerCall)));
    }

    /**
     * The build in {@code jar} set up for {@code task}, after one trial call.
     *
     * @throws IllegalArgumentException if the jar is missing or cannot run the task
     */
    static Loaded load(Path jar, String task) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no such jar: " + jar);
        }
        return load(jar.toString(), List.of(url(jar)), task);
    }

    /** The build whose classes {@code classPath} holds, set up for {@code task}; {@code name} for messages. */
    static Loaded load(String name, List<URL> classPath, String task) {
        String[] parts = parse(task);
        boolean turns = parts[0].equals("conversation") || parts[0].equals("gateway");
        String text = turns ? null : Corpus.valueOf(parts[parts.length - 1]).text();
        String previous = null;
        List<String> request = null;
        LongFunction<String[]> turn = null;
        if (turns) {
            int n = Integer.parseInt(parts[1]);
            Corpus.Conversation.Turn at = Corpus.Conversation.Turn.at(n);
            previous = at.previousHistory();
            request = Corpus.conversationTurns().subList(0, 2 * n - 1);
            boolean whole = parts[0].equals("conversation"); // the whole history as one text, or the newest messages
            turn = counter -> {
                String question = Corpus.Conversation.unique(at.newest(), counter);
                if (at.lastReply() == null) {
                    return new String[] {null, question};
                }
                String reply = Corpus.Conversation.unique(at.lastReply(), counter);
                return new String[] {reply, whole ? at.earlier() + reply + "\n\n" + question : question};
            };
        }
        String cannot = name + " cannot run " + task + " (not a shaded benchmarks jar of Veil, or its core lacks"
                + " what the task calls): ";
        try {
            Class<?> type = Class.forName(BuildTask.class.getName(), true, new BuildLoader(classPath));
            Object instance = type.getConstructor(String.class, String.class, String.class, String.class, List.class,
                    LongFunction.class).newInstance(parts[0], parts[0].equals("detect") ? parts[1] : null, text, previous,
                    request, turn);
            Loaded loaded = new Loaded(name, instance, type.getMethod("medianOver", long.class),
                    type.getMethod("batch", int.class));
            loaded.median().invoke(instance, 0L); // one call: a method the build lacks fails here, not mid-run
            return loaded;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(cannot + e.getCause(), e.getCause());
        } catch (LinkageError | ClassNotFoundException e) {
            throw new IllegalArgumentException(cannot + e, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A build's task, as its own class loader defined it. */
    record Loaded(String name, Object task, Method median, Method batch) implements Build {
        @Override
        public double medianOver(long millis) {
            return (double) call(median, millis);
        }

        @Override
        public void batch(int calls) {
            call(batch, calls);
        }

        private Object call(Method method, Object argument) {
            try {
                return method.invoke(task, argument);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /**
     * Loads Veil from one build, and {@link BuildTask} (with its nested classes) from this tool's own
     * jar, so the task is the same code for both builds and runs against each build's Veil.
     */
    private static final class BuildLoader extends URLClassLoader {

        private static final String TASK = BuildTask.class.getName();

        BuildLoader(List<URL> classPath) {
            super(classPath.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if ((name.equals(TASK) || name.startsWith(TASK + "$")) && findLoadedClass(name) == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = CompareBuilds.class.getClassLoader().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return super.loadClass(name, resolve);
            }
        }
    }
}
