package org.makerspace.api.axon;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Who holds the segments of a processor: the token store records, per segment, the node that claimed it and when it
 * last said so. A claim older than the timeout is free for the taking (its node is gone).
 */
public final class TokenClaims {

    /** How long a node's claim on a segment holds without being extended (Axon's default). */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /** A segment held by a node. */
    public record Claim(int segment, String owner, Instant since) {
    }

    private final MongoCollection<Document> tokens;
    private final String nodeId;

    TokenClaims(MongoCollection<Document> tokens, String nodeId) {
        this.tokens = tokens;
        this.nodeId = nodeId;
    }

    /** This node's name in the token store: the JVM's {@code pid@host}, as Axon names nodes by default. */
    static String thisNode() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    public String nodeId() {
        return nodeId;
    }

    /** The segments of the processor that another node holds now. */
    public List<Claim> heldElsewhere(String processorName, Instant now) {
        List<Claim> claims = new ArrayList<>();
        for (Document token : tokens.find(eq("processorName", processorName))) {
            String owner = token.getString("owner");
            Object timestamp = token.get("timestamp");
            if (owner == null || owner.equals(nodeId) || !(timestamp instanceof Number millis)) {
                continue;
            }
            Instant since = Instant.ofEpochMilli(millis.longValue());
            if (since.plus(CLAIM_TIMEOUT).isAfter(now)) {
                claims.add(new Claim(token.getInteger("segment", -1), owner, since));
            }
        }
        return claims;
    }
}
