package org.makerspace.api.rebuild;

import org.makerspace.ledger.common.DomainRefusal;

/** A rebuild that cannot start: another node holds the processor, or a rebuild of it is already running. */
public final class RebuildRefused extends DomainRefusal {

    private static final long serialVersionUID = 1L;

    RebuildRefused(String code, String message) {
        super(code, message);
    }
}
