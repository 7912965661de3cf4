package dev.veil.examples.gateway;

import java.net.URI;

/** The command line of {@link Gateway#main}: what to listen on, where to forward, which policy. */
record GatewayOptions(String bind, int port, URI upstream, String policy) {

    static final String USAGE = "usage: Gateway --upstream URL [--port N (8787)] [--policy balanced|strict|strictest]"
            + " [--bind ADDRESS (127.0.0.1)]";

    /** @throws IllegalArgumentException on a missing, unknown or malformed argument */
    static GatewayOptions parse(String[] args) {
        String bind = "127.0.0.1";
        int port = 8787;
        URI upstream = null;
        String policy = "balanced";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--bind" -> bind = value;
                case "--port" -> port = port(value);
                case "--upstream" -> upstream = upstream(value);
                case "--policy" -> policy = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (upstream == null) {
            throw new IllegalArgumentException("--upstream is required");
        }
        Gateway.policy(policy);  // fails now, with the known names, rather than at start
        return new GatewayOptions(bind, port, upstream, policy);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535");
    }

    private static URI upstream(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("--upstream must be an http or https URL");
    }
}
