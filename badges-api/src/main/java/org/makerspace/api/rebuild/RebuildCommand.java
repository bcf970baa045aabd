package org.makerspace.api.rebuild;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.storage.StoreInUse;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command-line form of a rebuild: {@code java -jar badges-api.jar rebuild <processor>|--all [--setting=value …]}.
 * It starts the application on the same storage (its web server on a free loopback port, answering nobody),
 * rebuilds, prints the progress every second (events done / total, rate, time left) and exits. With the embedded
 * store the application must be stopped first (one process at a time may open its file); with a MongoDB replica set
 * it runs beside the others and is refused while another node holds a chosen processor.
 *
 * <p>Exit codes: 0 done; 2 refused (held elsewhere, or running); 3 the embedded store is in use; 64 a usage error.
 */
public final class RebuildCommand {

    public static final String NAME = "rebuild";
    static final int DONE = 0;
    static final int REFUSED = 2;
    static final int STORE_IN_USE = 3;
    static final int USAGE = 64;
    private static final Duration EVERY = Duration.ofSeconds(1);

    private RebuildCommand() {
    }

    /** Runs {@code rebuild} with the arguments that follow it; returns the exit code. */
    public static int run(String[] args, Class<?> application, PrintStream out) {
        List<String> settings = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && !arg.equals("--all")) {
                settings.add(arg);
            } else {
                targets.add(arg);
            }
        }
        if (targets.size() != 1) {
            out.println("usage: java -jar badges-api.jar rebuild <processor>|--all [--ledger.data-dir=…]");
            return USAGE;
        }
        boolean all = targets.get(0).equals("--all");
        settings.add("--spring.main.banner-mode=off");
        // The application whole, as a server is (its security and pages are part of it), but answering nobody:
        // on a free port of the loopback address.
        settings.add("--server.port=0");
        settings.add("--server.address=127.0.0.1");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application).run(settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (StoreInUse.causedBy(e)) {
                out.println("The embedded store is in use by a running application: stop it, then rebuild.");
                return STORE_IN_USE;
            }
            throw e;
        }
        try {
            ProcessorRebuilds rebuilds = context.getBean(ProcessorRebuilds.class);
            List<RebuildProgress> started;
            try {
                started = all ? rebuilds.rebuildAll() : List.of(rebuilds.rebuild(targets.get(0)));
            } catch (NotFound e) {
                out.println("No processor '" + targets.get(0) + "'. Processors: "
                            + rebuilds.states().stream().map(ProcessorState::name).toList());
                return USAGE;
            } catch (RebuildRefused e) {
                out.println("Refused (" + e.code() + "): " + e.getMessage());
                return REFUSED;
            }
            return follow(rebuilds, started.stream().map(RebuildProgress::processor).toList(), out);
        } finally {
            context.close();
        }
    }

    private static int follow(ProcessorRebuilds rebuilds, List<String> processors, PrintStream out) {
        while (true) {
            boolean finished = true;
            for (String processor : processors) {
                RebuildProgress progress = rebuilds.progress(processor).orElseThrow();
                out.println(progress.line());
                finished &= progress.finished();
            }
            if (finished) {
                out.println("Rebuilt: " + String.join(", ", processors));
                return DONE;
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("Interrupted; the rebuild carries on at the next start.");
                return REFUSED;
            }
        }
    }
}
