package org.makerspace.controller.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a controller is set up: the server it trusts (the only one it ever fetches from, lab keys included), its
 * machine, the machine key and the lab's card key as {@code POST /api/labs/{lab}/machines/{machine}/keys} answered
 * them, and where it keeps its state. The rest are tunables with the defaults of {@link #of}.
 *
 * @param onlineTimeout     how long a card waits for the server's answer before the controller decides offline
 * @param maxReconnectPause the longest pause between two attempts to reopen the stream (the pause doubles from 1 s)
 * @param streamIdleTimeout a stream that has sent nothing, not even a heartbeat, for this long is taken for dead
 * @param retryInterval     how often a controller holding a queue tries to upload it, besides on reconnection
 */
public record ControllerSettings(URI server, String machineId, String machineKey, CardHasher cards,
                                 Path stateDirectory, Duration onlineTimeout, Duration maxReconnectPause,
                                 Duration streamIdleTimeout, Duration retryInterval) {

    public ControllerSettings {
        Objects.requireNonNull(server, "server");
        if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())) {
            throw new IllegalArgumentException("the server is an http or https URL, not " + server);
        }
        // Paths are appended to it: "http://host/ledger/" and "http://host/ledger" are the same server.
        server = URI.create(server.toString().replaceAll("/+$", ""));
        if (machineId == null || !machineId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            throw new IllegalArgumentException("the machine id is letters, digits and ._:- (at most 100), not "
                                               + machineId);
        }
        if (machineKey == null || machineKey.isBlank()) {
            throw new IllegalArgumentException("the machine key (mk_…) is required");
        }
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        requirePositive(onlineTimeout, "onlineTimeout");
        requirePositive(maxReconnectPause, "maxReconnectPause");
        requirePositive(streamIdleTimeout, "streamIdleTimeout");
        requirePositive(retryInterval, "retryInterval");
    }

    /**
     * With the defaults: 1.5 s for an online answer (a member at the machine notices more), reconnection pauses up to
     * 30 s, a stream dead after 60 s of silence (four of the server's 15 s heartbeats), an upload attempt every 10 s.
     */
    public static ControllerSettings of(URI server, String machineId, String machineKey, byte[] cardKey,
                                        Path stateDirectory) {
        return new ControllerSettings(server, machineId, machineKey, new CardHasher(cardKey), stateDirectory,
                                      Duration.ofMillis(1500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                                      Duration.ofSeconds(10));
    }

    public ControllerSettings withOnlineTimeout(Duration timeout) {
        return new ControllerSettings(server, machineId, machineKey, cards, stateDirectory, timeout, maxReconnectPause,
                                      streamIdleTimeout, retryInterval);
    }

    public ControllerSettings withMaxReconnectPause(Duration pause) {
        return new ControllerSettings(server, machineId, machineKey, cards, stateDirectory, onlineTimeout, pause,
                                      streamIdleTimeout, retryInterval);
    }

    public ControllerSettings withStreamIdleTimeout(Duration timeout) {
        return new ControllerSettings(server, machineId, machineKey, cards, stateDirectory, onlineTimeout,
                                      maxReconnectPause, timeout, retryInterval);
    }

    public ControllerSettings withRetryInterval(Duration interval) {
        return new ControllerSettings(server, machineId, machineKey, cards, stateDirectory, onlineTimeout,
                                      maxReconnectPause, streamIdleTimeout, interval);
    }

    /** Without the machine key, which a log line must never show. */
    @Override
    public String toString() {
        return "ControllerSettings[server=" + server + ", machineId=" + machineId + ", stateDirectory="
               + stateDirectory + ", onlineTimeout=" + onlineTimeout + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + duration);
        }
    }
}
