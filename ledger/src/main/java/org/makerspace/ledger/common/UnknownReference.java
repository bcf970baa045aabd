package org.makerspace.ledger.common;

/**
 * A command referred to something that does not exist where it should: a lab, a trainer of the lab, a machine
 * of the lab, or an earlier record of the target aggregate. Its code always starts with {@code unknown-}.
 */
public class UnknownReference extends DomainRefusal {

    public UnknownReference(String code, String message) {
        super(code, message);
        if (!code.startsWith("unknown-")) {
            throw new IllegalArgumentException("an unknown-reference code must start with 'unknown-', but was '" + code + "'");
        }
    }
}
