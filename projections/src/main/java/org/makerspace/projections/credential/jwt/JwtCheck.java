package org.makerspace.projections.credential.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of checking a VC-JWT: whether its signature and claims hold and why, the key it named, and the
 * credential it carries (the payload without the JWT claims), or null when the payload could not be read.
 */
public record JwtCheck(boolean ok, String detail, String keyId, ObjectNode credential) {
}
