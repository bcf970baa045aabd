package org.makerspace.api.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An independent Node.js client from npm, run with the machine's Node.js: the project under
 * {@code src/test/node/<name>} (its {@code package.json} pins every version, {@code package-lock.json} every
 * transitive one) is copied to {@code target/node/<name>} and installed there with {@code npm ci}, once. Tests that
 * need it are skipped, saying so, where the machine has no Node.js.
 */
public final class NodeProject {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path INSTALLED = Path.of("target", "node");

    private final Path directory;

    private NodeProject(Path directory) {
        this.directory = directory;
    }

    /** The project, installed; the calling test is skipped when {@code node} or {@code npm} is missing. */
    public static synchronized NodeProject installed(String name) {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                   "Node.js and npm are needed to run the independent client " + name);
        Path target = INSTALLED.resolve(name);
        try {
            if (!Files.isDirectory(target.resolve("node_modules"))) {
                copy(SOURCES.resolve(name), target);
                Result install = run(target, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
                if (install.exitCode() != 0) {
                    throw new IllegalStateException("npm ci of " + name + " failed:\n" + install.output());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NodeProject(target.toAbsolutePath());
    }

    /** Runs {@code node <script> <arguments>} in the project; its exit code and everything it printed. */
    public Result node(String script, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        return run(directory, command, 120);
    }

    public record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
