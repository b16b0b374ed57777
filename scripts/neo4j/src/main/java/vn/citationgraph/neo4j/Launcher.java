package vn.citationgraph.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs a Neo4j Community DBMS embedded in this JVM, with only the Bolt
 * connector enabled on 127.0.0.1. Meant for tests and CI, not production.
 *
 * <p>Configuration (command-line options win over environment variables):
 * <ul>
 *   <li>{@code --port N} / {@code NEO4J_BOLT_PORT} (default 7687)</li>
 *   <li>{@code --data-dir DIR} / {@code NEO4J_DATA_DIR} (default {@code .neo4j/data}); used as the
 *       Neo4j home directory: store files go to {@code DIR/data}, Neo4j's own logs to {@code DIR/logs}</li>
 *   <li>{@code --pid-file FILE} / {@code NEO4J_PID_FILE} (optional)</li>
 *   <li>{@code NEO4J_PASSWORD} password of user {@code neo4j} (default {@code citation-graph-test},
 *       at least 8 characters)</li>
 *   <li>{@code NEO4J_PAGECACHE} page cache size, e.g. {@code 256m}, {@code 1g} (default 256m)</li>
 * </ul>
 *
 * <p>Prints {@code NEO4J READY bolt://127.0.0.1:PORT} on stdout once Bolt accepts connections, the
 * password is set and the {@code standard-folding} full-text analyzer has been found. Shuts the DBMS
 * down cleanly on SIGTERM/SIGINT. Exits with status 1 if startup fails.
 */
public final class Launcher {
    static final String HOST = "127.0.0.1";
    static final String USER = "neo4j";
    static final String REQUIRED_ANALYZER = "standard-folding";

    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            System.out.println("NEO4J FAILED " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            // exit (not return): runs the shutdown hook, which stops a DBMS that did start,
            // and does not wait for Neo4j's non-daemon threads
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int port = parsePort(option(args, "--port", env.getOrDefault("NEO4J_BOLT_PORT", "7687")));
        Path home = Path.of(option(args, "--data-dir", env.getOrDefault("NEO4J_DATA_DIR", ".neo4j/data")))
                .toAbsolutePath().normalize();
        String pidFileArg = option(args, "--pid-file", env.get("NEO4J_PID_FILE"));
        Path pidFile = pidFileArg == null || pidFileArg.isBlank() ? null : Path.of(pidFileArg).toAbsolutePath();
        String password = env.getOrDefault("NEO4J_PASSWORD", "citation-graph-test");
        long pageCache = parseBytes(env.getOrDefault("NEO4J_PAGECACHE", "256m"));

        if (password.length() < 8) {
            throw new IllegalArgumentException("NEO4J_PASSWORD must be at least 8 characters (Neo4j default policy)");
        }
        Files.createDirectories(home);
        if (pidFile != null) {
            if (pidFile.getParent() != null) {
                Files.createDirectories(pidFile.getParent());
            }
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        }

        log("starting Neo4j (embedded) home=" + home + " bolt=" + HOST + ":" + port
                + " pagecache=" + pageCache + "B maxHeap=" + Runtime.getRuntime().maxMemory() + "B");
        long t0 = System.nanoTime();

        // Registered before the DBMS is built so that a SIGTERM during startup is handled too.
        AtomicReference<DatabaseManagementService> dbmsRef = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!shuttingDown.compareAndSet(false, true)) {
                return;
            }
            try {
                DatabaseManagementService toStop = dbmsRef.get();
                if (toStop != null) {
                    log("shutdown requested, stopping Neo4j...");
                    toStop.shutdown();
                    log("Neo4j stopped cleanly");
                }
            } catch (Throwable t) {
                log("error during shutdown: " + t);
            } finally {
                deletePidFileIfOurs(pidFile);
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Test/CI footprint: no 256 MiB preallocated transaction log per database, and keep
                // only a couple of rotated logs instead of 2 days' worth (recovery still works).
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L << 20)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                // Unsupported/internal settings: without them the Bolt server spends ~10 s
                // waiting for its idle Netty event loops on every shutdown (after the databases
                // are already stopped and checkpointed), which slows stop.sh down for nothing.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        dbmsRef.set(dbms);

        // Set the password of the built-in user. Community edition creates `neo4j` with the
        // password "neo4j" and CHANGE REQUIRED (there is no initial-password setting, that is what
        // `neo4j-admin dbms set-initial-password` is for); embedded transactions run with full
        // privileges, so we can administer users directly on the system database. Doing it on every
        // start keeps restarts on the same data dir (and password changes via env) working.
        setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        List<String> analyzers = db.executeTransactionally(
                "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer",
                Map.of(),
                result -> result.stream().map(row -> (String) row.get("analyzer")).sorted().toList());
        if (!analyzers.contains(REQUIRED_ANALYZER)) {
            throw new IllegalStateException("full-text analyzer '" + REQUIRED_ANALYZER + "' not available; got " + analyzers);
        }
        log("full-text analyzers available: " + analyzers.size() + " (" + REQUIRED_ANALYZER + " present)");

        waitForPort(HOST, port, 60_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("NEO4J READY bolt://" + HOST + ":" + port + " (user " + USER + ", started in " + ms + " ms)");
        System.out.flush();

        stopped.await();
    }

    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
            log("password of user '" + USER + "' set from NEO4J_PASSWORD");
        } catch (RuntimeException e) {
            // On a restart the password is usually already the requested one, and Neo4j refuses
            // to "change" a password to the same value. Any other error is fatal.
            if (!causeChainMentions(e, "Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
            log("password of user '" + USER + "' already matches NEO4J_PASSWORD");
        }
    }

    private static boolean causeChainMentions(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static void waitForPort(String host, int port, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Bolt port " + host + ":" + port + " did not open: " + e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void deletePidFileIfOurs(Path pidFile) {
        if (pidFile == null) {
            return;
        }
        try {
            String content = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
            if (content.equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException ignored) {
            // already gone or unreadable: nothing to do
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static int parsePort(String s) {
        int p = Integer.parseInt(s.trim());
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("invalid Bolt port: " + s);
        }
        return p;
    }

    /** Parses sizes like "256m", "1g", "512k", "1048576". */
    static long parseBytes(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("b")) {
            v = v.substring(0, v.length() - 1);
        }
        long mult = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        switch (last) {
            case 'k' -> mult = 1L << 10;
            case 'm' -> mult = 1L << 20;
            case 'g' -> mult = 1L << 30;
            default -> { }
        }
        if (mult != 1) {
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v.trim()) * mult;
    }

    private static void log(String msg) {
        System.out.println("[launcher] " + msg);
        System.out.flush();
    }
}
