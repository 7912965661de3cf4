package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Veil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static Veil veil(AtomicLong nanos, long maxSessions) {
        return Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).sessionIdleTimeout(Duration.ofMinutes(10))
                .maxSessions(maxSessions).sessionTicker(nanos::get).build();
    }

    @Test
    void anIdleSessionExpiresAndItsValuesAreGone() {
        AtomicLong nanos = new AtomicLong();
        Veil veil = veil(nanos, 100);
        Session s = veil.session("idle");
        s.protect("mail jan@voorbeeld.nl");
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertEquals("jan@voorbeeld.nl", s.restore("[EMAIL_1]"), "still alive after 9 minutes");
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertEquals("jan@voorbeeld.nl", s.restore("[EMAIL_1]"), "use restarts the idle clock");
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        Session fresh = veil.session("idle");
        assertNotSame(s, fresh);
        assertTrue(s.isClosed());
        assertEquals(0, s.size());
        assertThrows(IllegalStateException.class, () -> s.restore("[EMAIL_1]"));
        assertEquals("[EMAIL_1]", fresh.restore("[EMAIL_1]"));
    }

    @Test
    void usingAHeldSessionPastItsIdleTimeEndsIt() {
        AtomicLong nanos = new AtomicLong();
        Session s = veil(nanos, 100).session("held");
        s.protect("mail jan@voorbeeld.nl");
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThrows(IllegalStateException.class, () -> s.restore("[EMAIL_1]"));
        assertTrue(s.isClosed());
    }

    @Test
    void aStreamRestorerRevealsNothingOnceItsSessionHasEnded() {
        AtomicLong nanos = new AtomicLong();
        Veil veil = veil(nanos, 100);
        Session s = veil.session("streaming");
        s.protect("mail jan@voorbeeld.nl");
        StreamRestorer r = s.streamRestorer();
        assertEquals("Hoi ", r.accept("Hoi [EM"));
        veil.endSession("streaming");
        assertThrows(IllegalStateException.class, () -> r.accept("AIL_1] en nog eens [EMAIL_1]"));
        assertThrows(IllegalStateException.class, r::finish);

        Session closed = veil.session("closed");
        closed.protect("mail jan@voorbeeld.nl");
        StreamRestorer c = closed.streamRestorer();
        closed.close();
        assertThrows(IllegalStateException.class, () -> c.accept("[EMAIL_1]"));
    }

    @Test
    void aStreamRestorerRevealsNothingOnceItsSessionHasExpired() {
        AtomicLong nanos = new AtomicLong();
        Session s = veil(nanos, 100).session("slow-stream");
        s.protect("mail jan@voorbeeld.nl");
        StreamRestorer r = s.streamRestorer();
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertEquals("Hoi ", r.accept("Hoi [EM"));
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertEquals("jan@voorbeeld.nl", r.accept("AIL_1]"), "a chunk is a use: the idle clock restarts");
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThrows(IllegalStateException.class, () -> r.accept(" [EMAIL_1]"));
        assertThrows(IllegalStateException.class, r::finish);
        assertTrue(s.isClosed());
    }

    @Test
    void memoryStaysBoundedWhenSessionsAreNeverClosed() {
        AtomicLong nanos = new AtomicLong();
        Veil veil = veil(nanos, 50);
        List<Session> opened = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Session s = veil.session("s" + i);
            s.protect("mail user" + i + "@voorbeeld.nl");
            opened.add(s);
        }
        Session probe = veil.session("probe");
        assertSame(probe, veil.session("probe"));
        long live = opened.stream().filter(s -> !s.isClosed()).count();
        assertTrue(live <= 50, "live sessions: " + live);
        long emptied = opened.stream().filter(s -> s.isClosed() && s.size() == 0).count();
        assertTrue(emptied >= 950, "evicted sessions drop their values: " + emptied);
    }

    @Test
    void concurrentSessionsNeverSeeEachOthersValues() throws Exception {
        Veil veil = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build();
        int sessions = 64;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    long seed = t;
                    futures.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        for (int op = 0; op < 3_000; op++) {
                            int id = random.nextInt(sessions);
                            Session s = veil.session("user-" + id);
                            int n = random.nextInt(5);
                            String mine = "u" + id + "x" + n + "@voorbeeld.nl";
                            String token = s.protect("mail " + mine).text().substring(5);
                            String reply = "Hi " + token + " and [EMAIL_1] [EMAIL_2] [EMAIL_3] [EMAIL_4] [EMAIL_5] [EMAIL_6]";
                            String restored = random.nextBoolean() ? s.restore(reply) : stream(s, reply, random);
                            if (!restored.startsWith("Hi " + mine)) {
                                throw new AssertionError("own value not restored");
                            }
                            int at = 0;
                            while ((at = restored.indexOf('@', at + 1)) > 0) {
                                int start = restored.lastIndexOf(' ', at) + 1;
                                if (!restored.startsWith("u" + id + "x", start)) {
                                    throw new AssertionError("session " + id + " saw a value of another session");
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSessionUsedFromManyThreadsGivesEachValueOneTokenAndEachTokenOneValue() throws Exception {
        Session s = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build().session("shared");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<java.util.Map<String, String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    java.util.Map<String, String> seen = new java.util.HashMap<>();
                    for (int op = 0; op < 500; op++) {
                        String value = "v" + random.nextInt(200) + "@voorbeeld.nl";
                        String token = s.protect("mail " + value).text().substring(5);
                        seen.put(value, token);
                        if (!s.restore(token).equals(value)) {
                            throw new AssertionError("token restored to another value");
                        }
                    }
                    return seen;
                }));
            }
            java.util.Map<String, String> all = new java.util.HashMap<>();
            for (Future<java.util.Map<String, String>> f : futures) {
                for (var e : f.get().entrySet()) {
                    String before = all.putIfAbsent(e.getKey(), e.getValue());
                    assertTrue(before == null || before.equals(e.getValue()), "one value, one token");
                }
            }
            assertEquals(all.size(), new java.util.HashSet<>(all.values()).size(), "one token, one value");
            assertEquals(all.size(), s.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String stream(Session s, String reply, Random random) {
        StreamRestorer r = s.streamRestorer();
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < reply.length()) {
            int len = 1 + random.nextInt(Math.min(7, reply.length() - at));
            out.append(r.accept(reply.substring(at, at + len)));
            at += len;
        }
        return out.append(r.finish()).toString();
    }

    @Test
    void builderRejectsBadSessionSettings() {
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().maxSessions(0));
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().sessionIdleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().tokenKey(new byte[8]));
        assertThrows(NullPointerException.class, () -> Veil.builder().sessionTicker(null));
        assertFalse(Veil.create().toString().contains("Session"));
    }
}
