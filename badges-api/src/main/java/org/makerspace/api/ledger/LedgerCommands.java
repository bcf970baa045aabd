package org.makerspace.api.ledger;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.makerspace.api.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Sends commands to the ledger on behalf of the authenticated caller, who is recorded in the command's metadata
 * (and from there in every event it causes) rather than in the payload: who typed a fact in is not part of the fact.
 * The caller is recorded by an opaque id ({@link Caller#actorId()}), never by a username: events are kept forever,
 * and a username may be a person's name or e-mail address.
 */
@Component
public class LedgerCommands {

    public static final String RECORDED_BY = "recordedBy";

    private final CommandGateway gateway;

    LedgerCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends and waits until the command's events are durably appended (or the command is refused). */
    public <R> R send(Object command, Caller caller) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                           .andMetaData(Map.of(RECORDED_BY, caller.actorId())));
    }
}
