package dev.veil.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GatewayOptionsTest {

    @Test
    void defaultsToLoopbackPort8787AndBalanced() {
        assertEquals(new GatewayOptions("127.0.0.1", 8787, URI.create("http://127.0.0.1:9999"), "balanced"),
                GatewayOptions.parse(new String[] {"--upstream", "http://127.0.0.1:9999"}));
    }

    @Test
    void takesPortPolicyAndBindAddress() {
        assertEquals(new GatewayOptions("0.0.0.0", 9000, URI.create("https://api.openai.com"), "strictest"),
                GatewayOptions.parse(new String[] {"--port", "9000", "--policy", "strictest", "--bind", "0.0.0.0",
                    "--upstream", "https://api.openai.com"}));
    }

    @Test
    void rejectsMissingUpstreamUnknownPolicyBadPortAndStrayArguments() {
        String[][] bad = {
            {},
            {"--upstream", "http://127.0.0.1:9999", "--policy", "lax"},
            {"--upstream", "http://127.0.0.1:9999", "--port", "70000"},
            {"--upstream", "http://127.0.0.1:9999", "--port", "eighty"},
            {"--upstream", "ftp://example.org"},
            {"--upstream"},
            {"--upstream", "http://127.0.0.1:9999", "--verbose", "yes"},
        };
        for (String[] args : bad) {
            assertThrows(IllegalArgumentException.class, () -> GatewayOptions.parse(args), String.join(" ", args));
        }
    }
}
