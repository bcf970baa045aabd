/**
 * Verifying Open Badges 3.0 credentials for anyone: {@code POST /api/verify} takes a credential as JSON-LD, as a
 * compact VC-JWT or baked into a PNG or SVG, and answers the named checks of {@link
 * org.makerspace.projections.credential.ob3.CredentialVerifier} with this installation's keys, status lists and
 * issuer trust.
 *
 * <p><b>Trust and fetching.</b> An issuer is trusted when it is one of our labs (its keys and status lists are read
 * locally) or a partner that at least one of our labs declared. Only for a trusted partner does the verifier go on
 * the network, and only to the partner's own host (the scheme, host and port of its issuer id): its verification
 * method and status list, over https (http to loopback only under a test flag), with connect and read timeouts, a
 * size limit, no redirect to another host, and fetched keys cached briefly. Nothing named by an untrusted credential
 * is ever fetched: a verifier that fetched whatever URL an anonymous caller's credential names would let anyone make
 * this server send requests where they like. So the signature of an untrusted issuer is checked only when its key
 * needs no fetching: a key of one of our labs, or a self-describing {@code did:key}; otherwise the signature check
 * says "issuer not trusted, key not fetched".
 */
package org.makerspace.api.openbadges.verify;
