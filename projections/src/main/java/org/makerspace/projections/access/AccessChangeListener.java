package org.makerspace.projections.access;

/** Told of every change to the access model once it is stored: what pushes allowlist changes to controllers. */
@FunctionalInterface
public interface AccessChangeListener {

    void changed(AccessModel.Changes changes);
}
