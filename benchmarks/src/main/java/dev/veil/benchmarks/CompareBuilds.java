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
import java.util.Locale;

/**
 * Two builds of Veil timed in one JVM, in alternating blocks: how to tell whether a change to the hot
 * path pays back on a shared host, where two runs of the same code differ by up to 3× and a JMH table
 * cannot show a gain of a few percent. Each build is a benchmarks jar ({@code
 * benchmarks/target/benchmarks.jar}, which holds the core), loaded in a class loader of its own; the
 * same {@link BuildTask task}, taken from this jar, runs against each, so an older build needs no part
 * of this tool. Run it twice, the second time with the jars swapped: the build loaded first can be
 * favoured by where the JIT and the heap put things.
 *
 * <p>Prints the median of each build's block medians and the median (p25, p75) of the per-round ratios
 * B / A (below 1: B is faster). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.CompareBuilds before.jar after.jar
 * TASK [rounds blockMillis warmUpSeconds]}, where TASK is one of {@code scan:CORPUS} (the default engine
 * without its cache), {@code redact:CORPUS}, {@code detect:DETECTOR:CORPUS} (one detector alone, as in
 * {@link DetectorBenchmark}) and {@code conversation:TURN} ({@link ConversationRatio}'s turn, reply restored).
 */
public final class CompareBuilds {

    private CompareBuilds() {
    }

    /** One build, set up for one task. */
    interface Build {
        /** The median time of one call (ns) over calls for about {@code millis}. */
        double medianOver(long millis);
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: CompareBuilds A.jar B.jar TASK [rounds blockMillis warmUpSeconds]");
            System.err.println("  TASK: scan:CORPUS | redact:CORPUS | detect:DETECTOR:CORPUS | conversation:TURN");
            System.exit(2);
        }
        BuildTask.parse(args[2]); // a mistyped task fails here, before either build is loaded
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        long blockMillis = args.length > 4 ? Long.parseLong(args[4]) : 1000;
        long warmUpMillis = 1000L * (args.length > 5 ? Integer.parseInt(args[5]) : 15);
        Build a = load(Path.of(args[0]), args[2]);
        Build b = load(Path.of(args[1]), args[2]);
        System.out.println(args[2] + ": " + compare(a, b, rounds, blockMillis, warmUpMillis));
    }

    /** Warms both builds up, then times them in alternating blocks; the report line. */
    static String compare(Build a, Build b, int rounds, long blockMillis, long warmUpMillis) {
        if (rounds < 1 || blockMillis < 1 || warmUpMillis < 0) {
            throw new IllegalArgumentException("rounds and block length must be positive, warm-up not negative");
        }
        long warmEnd = System.nanoTime() + warmUpMillis * 1_000_000L;
        while (System.nanoTime() < warmEnd) {
            a.medianOver(Math.min(500, blockMillis));
            b.medianOver(Math.min(500, blockMillis));
        }
        double[] timesA = new double[rounds];
        double[] timesB = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // Alternate which goes first, so that neither always follows the other's garbage.
            if (r % 2 == 0) {
                timesA[r] = a.medianOver(blockMillis);
                timesB[r] = b.medianOver(blockMillis);
            } else {
                timesB[r] = b.medianOver(blockMillis);
                timesA[r] = a.medianOver(blockMillis);
            }
            ratio[r] = timesB[r] / timesA[r];
        }
        Arrays.sort(timesA);
        Arrays.sort(timesB);
        Arrays.sort(ratio);
        return String.format(Locale.ROOT, "A %.2f µs, B %.2f µs, B / A %.3f (p25 %.3f, p75 %.3f) [%d alternating rounds of %d ms blocks]",
                timesA[rounds / 2] / 1000, timesB[rounds / 2] / 1000, ratio[rounds / 2], ratio[rounds / 4],
                ratio[3 * rounds / 4], rounds, blockMillis);
    }

    /** The build in {@code jar}, set up for {@code task} by a {@link BuildTask} of its own. */
    static Build load(Path jar, String task) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no such jar: " + jar);
        }
        try {
            Class<?> type = Class.forName(BuildTask.class.getName(), true, new BuildLoader(jar));
            Object instance = type.getConstructor(String.class).newInstance(task);
            Method median = type.getMethod("medianOver", long.class);
            return millis -> {
                try {
                    return (double) median.invoke(instance, millis);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(jar + " failed: " + e.getCause(), e.getCause());
                }
            };
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(jar + " cannot run " + task + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads Veil and the corpora from one jar, and {@link BuildTask} from this tool's own jar, so the task
     * is the same code for both builds and runs against each build's Veil.
     */
    private static final class BuildLoader extends URLClassLoader {

        BuildLoader(Path jar) {
            super(new URL[] {url(jar)}, ClassLoader.getPlatformClassLoader());
        }

        private static URL url(Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith(BuildTask.class.getName()) && findLoadedClass(name) == null) {
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
