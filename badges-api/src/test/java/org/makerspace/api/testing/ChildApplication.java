package org.makerspace.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.makerspace.api.BadgesApplication;

/**
 * The application in a JVM of its own, as a lab runs it on the embedded default, so that a test can kill it with
 * SIGKILL ({@code kill -9}) the way a power cut or the kernel's OOM killer would: no shutdown hook runs, nothing is
 * flushed. Every start uses the same data directory and port; each start's output goes to a log file beside the data
 * directory, which a failing test names.
 */
public final class ChildApplication implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Path LOGS = Path.of("target", "child-applications");

    private final String name;
    private final Path dataDir;
    private final int port;
    private final List<String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    /** {@code settings}: further command-line arguments of every start, such as {@code --ledger.verify.requests-per-minute=1000}; {@code name} names its log files. */
    public ChildApplication(String name, Path dataDir, String... settings) {
        this.name = name;
        this.dataDir = dataDir;
        this.port = freePort();
        this.settings = List.of(settings);
    }

    public int port() {
        return port;
    }

    /** The log file of the latest start, kept in the build's directory after the test for whoever reads a failure. */
    public Path log() {
        return LOGS.resolve(name + "-start-" + starts + ".log");
    }

    /** Starts the application, with {@link StandaloneApplications#ADMIN} as platform admin, and waits until it is ready. */
    public Duration start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                BadgesApplication.class.getName(),
                "--ledger.mongodb.uri=",
                "--ledger.data-dir=" + dataDir,
                "--server.port=" + port,
                "--ledger.bootstrap.admin-username=" + StandaloneApplications.ADMIN,
                "--ledger.bootstrap.admin-password=" + StandaloneApplications.ADMIN_PASSWORD));
        command.addAll(settings);
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(LOGS);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log().toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: the JVM stops where it is. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the killed application did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    /** How a run of the application's main to its end went: its exit code and everything it printed. */
    public record Finished(int exitCode, String output) {
    }

    /**
     * Runs the application's main in a JVM of its own with these arguments, on the embedded default, until it exits
     * by itself (a command such as {@code rebuild}); fails after two minutes.
     */
    public static Finished runToEnd(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                BadgesApplication.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application did not exit within two minutes");
        }
        return new Finished(process.exitValue(), new String(output, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped while starting; see " + log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("the application was not ready within " + READY_WITHIN + "; see " + log());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
