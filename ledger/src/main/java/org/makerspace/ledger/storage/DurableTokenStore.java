package org.makerspace.ledger.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * A processor's token store whose tokens move only after the processor's effects are durable.
 *
 * <p>A processor writes its read models, then its token. If the token reached disk without the writes before it, a
 * crash would lose those writes for good: after the restart the processor carries on past the events that made them.
 * A real MongoDB with a journaled majority write concern acknowledges each write once it is durable, so writes reach
 * disk in order. The embedded server does not: its store (H2's MVStore) saves each collection's changes one after the
 * other, not as a single cut, so a background save can hold a token written after a read model's change without that
 * change; a crash test found awards lost that way. Awaiting the {@link DurabilityBarrier} before every token write
 * closes it: whatever save makes the token durable, the processor's earlier writes were already on disk.
 */
public final class DurableTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final DurabilityBarrier durability;

    public DurableTokenStore(TokenStore delegate, DurabilityBarrier durability) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.durability = Objects.requireNonNull(durability, "durability");
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        durability.awaitDurable();
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        durability.awaitDurable();
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        durability.awaitDurable();
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
