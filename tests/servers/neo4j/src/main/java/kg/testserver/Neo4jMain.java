package kg.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;

/**
 * kg's Neo4j test server: Neo4j Community embedded, one Bolt connector on 127.0.0.1, authentication
 * on. Test-only (GPL-3.0), never shipped with kg.
 *
 * <pre>
 * java -cp CLASSPATH kg.testserver.Neo4jMain --home DIR [--port N] [--stop-on-stdin-eof]
 * </pre>
 *
 * The password of user {@code neo4j} is $NEO4J_PASSWORD, or a random one when that is unset (never
 * on the command line, where `ps` would show it). When Bolt accepts logins it prints one line,
 * {@code READY bolt://127.0.0.1:PORT user neo4j password PASSWORD} (the password only when it made
 * one up), which the caller waits for. It stops cleanly
 * (checkpoint, store closed) on SIGTERM / SIGINT, and with --stop-on-stdin-eof also when its
 * standard input closes, so a parent that dies without stopping it does not leave it behind.
 * Restarted with the same --home and --port it serves the same data.
 */
public final class Neo4jMain {
    private Neo4jMain() {}

    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = 0;
        boolean stdinEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--stop-on-stdin-eof" -> stdinEof = true;
                default -> {
                    System.err.println("usage: Neo4jMain --home DIR [--port N] [--stop-on-stdin-eof]");
                    System.exit(2);
                }
            }
        }
        if (home == null) {
            System.err.println("--home DIR is required");
            System.exit(2);
        }
        Files.createDirectories(home);
        if (port == 0) {
            port = freePort();
        }
        String password = System.getenv("NEO4J_PASSWORD");
        boolean generated = password == null || password.isEmpty();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = HexFormat.of().formatHex(bytes);
        }

        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        // Bolt waits 5 s for connections and again for its threads at shutdown, even with none
        // left: 10 s per stop, in a suite that stops servers often. Internal settings, so looked up
        // by name and skipped on a release that has them no more.
        for (String name : new String[] {"connection_shutdown_wait_time", "thread_pool_shutdown_wait_time"}) {
            internal(builder, "org.neo4j.configuration.connectors.BoltConnectorInternalSettings", name,
                    Duration.ofMillis(200));
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                // what the routing table hands to neo4j:// clients: this port, not the default 7687
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // the wrong-password tests would otherwise lock the user out for 5 s after 3 tries
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                // a small page cache: the test graphs are tiny, and the machine runs other servers
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        setPassword(dbms, password);
        // the password only when this launcher made it up: one from the environment is known already
        System.out.println("READY bolt://127.0.0.1:" + port + " user neo4j"
                + (generated ? " password " + password : " password from $NEO4J_PASSWORD"));
        System.out.flush();

        if (stdinEof) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                System.exit(0); // runs the shutdown hook
            }, "stdin-eof");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    /** Sets the password of user neo4j, without the "change it at first login" flag. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // a restart on the same home with the same password: Neo4j refuses "changing" it to itself
            String message = String.valueOf(e.getMessage());
            if (!message.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void internal(DatabaseManagementServiceBuilder builder, String owner, String name, Object value) {
        try {
            Object setting = Class.forName(owner).getField(name).get(null);
            builder.setConfig((Setting<Object>) setting, value);
        } catch (ReflectiveOperationException e) {
            System.err.println("note: no setting " + owner + "." + name + " in this Neo4j release");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing: only the end of the stream matters
            }
        } catch (IOException e) {
            // a broken pipe ends the stream as well
        }
    }
}
