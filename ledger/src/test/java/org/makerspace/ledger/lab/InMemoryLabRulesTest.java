package org.makerspace.ledger.lab;

/** Proves the fake used by other features' fixtures is an honest one. */
class InMemoryLabRulesTest extends LabRulesContract {

    @Override
    LabRules rulesOver(Object... labEvents) {
        return InMemoryLabRules.of(labEvents);
    }
}
