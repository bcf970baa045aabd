package org.makerspace.controller.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line around a {@link Controller}: set up from flags, it reads commands, one a line, from standard input
 * (a terminal, or a script piped in) and prints one line per answer.
 *
 * <pre>
 * java -jar controller-simulator/target/controller-simulator.jar --server http://localhost:8080 \
 *     --machine fablab-laser --key mk_… --card-key BASE64 --state ./laser-state
 * </pre>
 */
public final class ControllerSimulator {

    static final String USAGE = """
            usage: java -jar controller-simulator.jar --server URL --machine ID --key mk_... --card-key BASE64 --state DIR
                   [--online-timeout MILLIS]
              --key and --card-key may come from CONTROLLER_MACHINE_KEY and CONTROLLER_CARD_KEY instead, out of sight
              of the process list. Then commands on standard input, one a line:
                tap UID         a card at the reader (hex, separators allowed: 04:A2:B3:C4)
                stop [REASON]   end the running session: finished (default), fault, closing_time, time_limit
                status          what the controller holds and knows
                sync            fetch the allowlist and upload the queue now
                wait SECONDS    pause (for scripts)
                help            this text
                quit            end (a running session ends as a fault, as when the box is switched off)
              Lines starting with # are ignored.""";

    private ControllerSimulator() {
    }

    public static void main(String[] args) {
        // One line per log record, on standard error, so that standard output carries only the answers.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        int status = run(args, System.in, System.out, System.err, System.getenv());
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The whole program, with its streams and environment given: 0 when it ended normally, 2 on a usage error. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        ControllerSettings settings;
        try {
            settings = settings(args, environment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (settings == null) {
            out.println(USAGE);
            return 0;
        }
        try (Controller controller = new Controller(settings, Clock.systemUTC())) {
            controller.onSessionEnded(ended -> out.println("ended session=" + ended.sessionId() + " reason="
                                                           + ended.reason() + " minutes=" + ended.minutes()));
            controller.start();
            out.println(controller.status().describe());
            commands(controller, in, out);
        }
        return 0;
    }

    /** The settings the flags give; null when help was asked for. */
    static ControllerSettings settings(String[] args, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (!flag.startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --flag value, at '" + flag + "'");
            }
            flags.put(flag.substring(2), args[++i]);
        }
        flags.putIfAbsent("key", environment.get("CONTROLLER_MACHINE_KEY"));
        flags.putIfAbsent("card-key", environment.get("CONTROLLER_CARD_KEY"));
        for (String required : new String[] {"server", "machine", "key", "card-key", "state"}) {
            if (flags.get(required) == null) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        byte[] cardKey;
        try {
            cardKey = Base64.getDecoder().decode(flags.get("card-key").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--card-key is the base64 cardKey the machine key was issued with", e);
        }
        ControllerSettings settings = ControllerSettings.of(URI.create(flags.get("server")), flags.get("machine"),
                                                            flags.get("key"), cardKey, Path.of(flags.get("state")));
        if (flags.containsKey("online-timeout")) {
            settings = settings.withOnlineTimeout(Duration.ofMillis(Long.parseLong(flags.get("online-timeout"))));
        }
        return settings;
    }

    private static void commands(Controller controller, InputStream in, PrintStream out) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split("\\s+", 2);
                String argument = words.length > 1 ? words[1] : null;
                String command = words[0].toLowerCase(Locale.ROOT);
                if (command.equals("quit") || command.equals("exit")) {
                    return;
                }
                try {
                    String answer = execute(controller, command, argument);
                    if (answer != null) {
                        out.println(answer);
                    }
                } catch (IllegalArgumentException e) {
                    out.println("error: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            out.println("error: cannot read commands: " + e.getMessage());
        }
    }

    private static String execute(Controller controller, String command, String argument) {
        switch (command) {
            case "tap":
                if (argument == null) {
                    throw new IllegalArgumentException("tap needs the card's UID");
                }
                return controller.tap(argument).describe();
            case "stop":
                // A stopped session is printed by the listener, as every end is.
                return controller.stop(argument).isPresent() ? null : "no session is running";
            case "status":
                return controller.status().describe();
            case "sync":
                Upload upload = controller.sync();
                return "uploaded: " + upload.decisionsRecorded() + " decisions (" + upload.decisionsDuplicate()
                       + " already known), " + upload.sessionReports() + " session reports, " + upload.rejected()
                       + " refused; " + upload.remaining() + " still queued";
            case "wait":
                pause(argument);
                return "waited " + argument + " s";
            case "help":
                return USAGE;
            default:
                throw new IllegalArgumentException("unknown command '" + command + "' (help lists them)");
        }
    }

    private static void pause(String seconds) {
        try {
            Thread.sleep(Duration.ofMillis((long) (Double.parseDouble(seconds == null ? "1" : seconds) * 1000))
                                 .toMillis());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("wait takes a number of seconds", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
