package org.makerspace.api.backup;

/** A restore that would not give back what was backed up: a damaged or foreign archive, or a database in use. */
public class ArchiveRefused extends RuntimeException {

    public ArchiveRefused(String message) {
        super(message);
    }
}
