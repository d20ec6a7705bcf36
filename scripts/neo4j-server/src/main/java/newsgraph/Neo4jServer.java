package newsgraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.server.CommunityBootstrapper;

/**
 * A throw-away Neo4j Community server for trying newsgraph and for its tests:
 * Bolt and HTTP (with Neo4j Browser) on 127.0.0.1 only, APOC core with import
 * from files under the import folder, data in a temporary folder removed on
 * exit, the password of user neo4j from NEO4J_PASSWORD.
 *
 * <pre>
 * java -cp ... newsgraph.Neo4jServer [--bolt-port N] [--http-port N] [--import-dir DIR] [--data-dir DIR]
 *                                    [--exit-on-stdin-eof] [--admin-import ARG...]
 * </pre>
 *
 * Ports default to free ones. When it is ready it prints one line per
 * address, {@code NEO4J_URI=bolt://127.0.0.1:PORT} and
 * {@code NEO4J_HTTP=http://127.0.0.1:PORT}, then {@code READY}. With
 * {@code --data-dir} the data is kept there (and a restart finds it) instead
 * of in the temporary folder. With {@code --admin-import}, the remaining arguments go to
 * {@code neo4j-admin database import full} before the server starts (a fresh
 * database from CSV files). With {@code --exit-on-stdin-eof} the server stops
 * when its standard input closes, so a parent that dies takes it along.
 */
public final class Neo4jServer {
    private Neo4jServer() {}

    public static void main(String[] args) throws Exception {
        int boltPort = 0;
        int httpPort = 0;
        Path importDir = Path.of("").toAbsolutePath();
        boolean exitOnEof = false;
        Path dataDir = null;
        List<String> adminImport = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bolt-port" -> boltPort = Integer.parseInt(args[++i]);
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                case "--import-dir" -> importDir = Path.of(args[++i]).toAbsolutePath();
                case "--exit-on-stdin-eof" -> exitOnEof = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--admin-import" -> {
                    adminImport = new ArrayList<>(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> fail("unknown argument " + args[i]);
            }
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("set NEO4J_PASSWORD (8 characters or more) to the password the server should have for user neo4j");
        }
        if (boltPort == 0) boltPort = freePort();
        if (httpPort == 0) httpPort = freePort();

        Path home = Files.createTempDirectory("newsgraph-neo4j-");
        Path conf = home.resolve("conf");
        Path plugins = home.resolve("plugins");
        Files.createDirectories(conf);
        Files.createDirectories(plugins);
        // APOC's procedures are registered from the plugins folder (its extensions come from the class path).
        Path apocJar = Path.of(apoc.export.graphml.XmlGraphMLReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createSymbolicLink(plugins.resolve(apocJar.getFileName()), apocJar);
        String settings = String.join("\n",
                "server.default_listen_address=127.0.0.1",
                "server.default_advertised_address=127.0.0.1",
                "server.bolt.listen_address=127.0.0.1:" + boltPort,
                "server.bolt.advertised_address=127.0.0.1:" + boltPort,
                "server.http.enabled=true",
                "server.http.listen_address=127.0.0.1:" + httpPort,
                "server.http.advertised_address=127.0.0.1:" + httpPort,
                "server.https.enabled=false",
                "server.directories.data=" + (dataDir == null ? home.resolve("data") : dataDir),
                "server.directories.logs=" + home.resolve("logs"),
                "server.directories.plugins=" + plugins,
                "server.directories.import=" + importDir,
                "dbms.security.auth_enabled=true",
                "dbms.security.procedures.unrestricted=apoc.*",
                "dbms.usage_report.enabled=false",
                "server.memory.pagecache.size=" + System.getProperty("newsgraph.pagecache", "256m"),
                "db.tx_log.rotation.retention_policy=1 files",
                "");
        Files.writeString(conf.resolve("neo4j.conf"), settings, StandardCharsets.UTF_8);
        // File paths given to APOC are read relative to (and only inside) the import folder, like LOAD CSV.
        Files.writeString(conf.resolve("apoc.conf"),
                "apoc.import.file.enabled=true\napoc.import.file.use_neo4j_config=true\n", StandardCharsets.UTF_8);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));

        ExecutionContext ctx = new ExecutionContext(home, conf, System.err, System.err, InputStream.nullInputStream(),
                new org.neo4j.io.fs.DefaultFileSystemAbstraction());
        boolean fresh = dataDir == null || !Files.exists(dataDir.resolve("dbms"));
        // `--` ends the options: a password may begin with `-`.
        if (fresh && AdminTool.execute(ctx, "dbms", "set-initial-password", "--", password) != 0) fail("could not set the initial password");
        if (adminImport != null) {
            List<String> command = new ArrayList<>(List.of("database", "import", "full"));
            command.addAll(adminImport);
            int rc = AdminTool.execute(ctx, command.toArray(String[]::new));
            if (rc != 0) fail("neo4j-admin database import full failed (exit " + rc + ")");
        }

        CommunityBootstrapper server = new CommunityBootstrapper();
        PrintStream out = System.out;
        int rc = server.start(home, conf.resolve("neo4j.conf"), Map.of(), false, false);
        if (rc != 0) fail("the server did not start (exit " + rc + "); see " + home.resolve("logs"));
        out.println("NEO4J_URI=bolt://127.0.0.1:" + boltPort);
        out.println("NEO4J_HTTP=http://127.0.0.1:" + httpPort);
        out.println("READY");
        out.flush();
        if (exitOnEof) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) { /* ignore what is typed */ }
                } catch (IOException ignored) {
                    // A closed pipe means the same as end of input.
                }
                System.exit(0);
            }, "stdin-eof");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: the folder is in the system's temporary folder.
        }
    }

    private static void fail(String message) {
        System.err.println("neo4j-server: " + message);
        System.exit(2);
    }
}
