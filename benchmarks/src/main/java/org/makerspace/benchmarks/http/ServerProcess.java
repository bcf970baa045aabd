package org.makerspace.benchmarks.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as operators run it: its executable jar in a JVM of its own, on the embedded default storage in a
 * fresh data directory, with a bootstrap platform admin. Stopped (and its data removed) on close.
 */
final class ServerProcess implements AutoCloseable {

    static final String ADMIN = "bench-admin";
    static final String PASSWORD = "a long benchmark password";

    private final Process process;
    private final Path dataDir;
    private final int port;

    private ServerProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts the jar built by {@code mvn -Pbenchmarks package} and waits until it answers its health check. */
    static ServerProcess start(Path jar, String... extraArguments) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("ledger-load-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(), "-Xms1g", "-Xmx1g", "-jar", jar.toString(),
                "--server.port=" + port,
                "--ledger.data-dir=" + dataDir,
                "--ledger.bootstrap.admin-username=" + ADMIN,
                "--ledger.bootstrap.admin-password=" + PASSWORD,
                "--logging.level.root=WARN"));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
                .redirectErrorStream(true)
                .start();
        ServerProcess server = new ServerProcess(process, dataDir, port);
        server.awaitHealthy(Duration.ofMinutes(2));
        return server;
    }

    URI base() {
        return URI.create("http://localhost:" + port);
    }

    private void awaitHealthy(Duration patience) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped at startup; see " + dataDir + ".log");
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(base().resolve("/actuator/health"))
                                                                  .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not become healthy within " + patience);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
