package org.makerspace.api.backup;

import java.time.Instant;
import java.util.Map;

/**
 * What an archive holds, written into it last: the format, when it was taken and from which database, and how many
 * documents of each collection, which a restore checks before it writes anything.
 */
public record BackupManifest(int format, Instant takenAt, String database, Map<String, Long> collections) {

    public static final int FORMAT = 1;

    public long documents() {
        return collections.values().stream().mapToLong(Long::longValue).sum();
    }
}
