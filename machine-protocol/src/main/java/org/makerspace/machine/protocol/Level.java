package org.makerspace.machine.protocol;

import java.util.Locale;

/**
 * What an allowlist entry lets its card do: SUPERVISED only while a trainer of the machine was let in on it within
 * the supervision window, AUTONOMOUS alone, TRAINER alone and, by being let in, supervising the machine.
 */
public enum Level {
    SUPERVISED, AUTONOMOUS, TRAINER;

    /** The lowercase code the documents carry, as the access answers do. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level ofCode(String code) {
        for (Level level : values()) {
            if (level.code().equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("level must be supervised, autonomous or trainer, but was '" + code + "'");
    }
}
