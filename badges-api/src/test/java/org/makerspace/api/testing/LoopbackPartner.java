package org.makerspace.api.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.issuer.VerificationMethods;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.jwt.VcJwt;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.makerspace.projections.credential.ob3.OpenBadgeCredentialBuilder;
import org.makerspace.projections.credential.ob3.OpenBadgeIssuer;
import org.makerspace.projections.credential.ob3.StatusEntry;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.credential.proof.ProofOptions;
import org.makerspace.projections.status.StatusList;

/**
 * A lab of another installation, on a loopback port of its own: it signs credentials with a key generated here (never
 * stored in our issuer keys), publishes that key as a Multikey document and its revocation list (and, when asked, a
 * suspension list beside it) as signed BitstringStatusListCredentials, and counts every request it receives. A list can
 * be made unreachable (503) or signed with a stranger's key. Its issuer id is
 * {@code http://127.0.0.1:<port>/ob3/issuers/outside-lab}, distinct for every instance.
 */
public final class LoopbackPartner implements AutoCloseable {

    public static final LabId LAB = LabId.of("outside-lab");
    private static final Instant KEY_FROM = Instant.parse("2020-01-01T00:00:00Z");

    private final HttpServer server;
    private final PublicUrls urls;
    private final IssuerSigningKey key;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile StatusList revocations = StatusList.empty();
    private volatile StatusList suspensions = StatusList.empty();
    private volatile boolean publishesSuspensions;
    /** Status lists of these purposes answer 503, as a host that is down behind its proxy does. */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    /** Status lists of these purposes are signed with a key that is not the partner's. */
    private final Set<String> forged = ConcurrentHashMap.newKeySet();
    private final IssuerSigningKey stranger;

    public LoopbackPartner() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        urls = PublicUrls.of("http://127.0.0.1:" + server.getAddress().getPort());
        Ed25519SigningKey secret = Ed25519SigningKey.generate();
        key = new IssuerSigningKey(new IssuerKey("ed25519-outside", LAB, secret.publicKey(), KEY_FROM, true), secret);
        Ed25519SigningKey other = Ed25519SigningKey.generate();
        stranger = new IssuerSigningKey(new IssuerKey("ed25519-stranger", LAB, other.publicKey(), KEY_FROM, true),
                                        other);
        server.createContext("/", this::serve);
        server.start();
    }

    public String issuerId() {
        return urls.issuer(LAB);
    }

    public String verificationMethod() {
        return key.verificationMethod(urls);
    }

    public String revocationListUrl() {
        return listUrl("revocation");
    }

    public String suspensionListUrl() {
        return listUrl("suspension");
    }

    private String listUrl(String purpose) {
        return urls.base() + "/status-lists/" + LAB + "/" + purpose;
    }

    /** The paths requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** A request for a badge of this lab; its revocation bit is {@code statusIndex}, or none when negative. */
    public CredentialRequest request(String badge, MemberId member, Instant validFrom, Instant validUntil,
                                     int statusIndex) {
        StatusEntry status = statusIndex < 0 ? null : StatusEntry.bitstring(
                revocationListUrl() + "#" + statusIndex, "revocation", statusIndex, revocationListUrl());
        return TestCredentials.request(urls, LAB, badge, member, validFrom, validUntil, status);
    }

    public String signJsonLd(CredentialRequest request) {
        return new OpenBadgeIssuer(urls).signDataIntegrity(request, key);
    }

    public String signJwt(CredentialRequest request) {
        return new OpenBadgeIssuer(urls).signJwt(request, key);
    }

    /** Signs the request's credential after a change to it, such as naming the recipient's e-mail address. */
    public String signJsonLd(CredentialRequest request, Consumer<ObjectNode> change) {
        ObjectNode credential = new OpenBadgeCredentialBuilder().build(request);
        change.accept(credential);
        return CredentialJson.write(sign(credential, request.validity().validFrom()));
    }

    /** Signs the request's credential, changed, as a VC-JWT. */
    public String signJwt(CredentialRequest request, Consumer<ObjectNode> change) {
        ObjectNode credential = new OpenBadgeCredentialBuilder().build(request);
        change.accept(credential);
        return VcJwt.sign(credential, verificationMethod(), key.signingKey());
    }

    public void revoke(int index) {
        revocations = revocations.set(index);
    }

    /**
     * Publishes a suspension list beside the revocation list, as this software does (a credential names only its
     * revocation entry; the suspension bit is at the same index next to it).
     */
    public void publishSuspensions() {
        publishesSuspensions = true;
    }

    public void suspend(int index) {
        publishSuspensions();
        suspensions = suspensions.set(index);
    }

    /** The status list of this purpose ({@code revocation}, {@code suspension}) answers 503 from now on. */
    public void makeUnreachable(String purpose) {
        unreachable.add(purpose);
    }

    /** The status list of this purpose is signed with another key than the partner's from now on. */
    public void forgeSignature(String purpose) {
        forged.add(purpose);
    }

    private ObjectNode sign(ObjectNode document, Instant created) {
        return sign(document, created, key);
    }

    private ObjectNode sign(ObjectNode document, Instant created, IssuerSigningKey signer) {
        return new EddsaRdfc2022(BundledContexts.standard())
                .sign(document, ProofOptions.assertion(verificationMethod(), created), signer.signingKey());
    }

    private ObjectNode statusList(String purpose, StatusList bits) {
        ObjectNode list = CredentialJson.object();
        list.putArray("@context").add(OpenBadgeCredentialBuilder.VC_CONTEXT);
        list.put("id", listUrl(purpose));
        list.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        list.put("issuer", issuerId());
        list.put("validFrom", KEY_FROM.toString());
        ObjectNode subject = list.putObject("credentialSubject");
        subject.put("id", listUrl(purpose) + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose);
        subject.put("encodedList", bits.encodedList());
        return sign(list, KEY_FROM, forged.contains(purpose) ? stranger : key);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String body = null;
        int status = 404;
        String url = urls.base() + path;
        if (url.equals(verificationMethod())) {
            body = CredentialJson.write(new VerificationMethods(urls).multikey(key.key()));
        } else if (url.equals(revocationListUrl()) || url.equals(suspensionListUrl()) && publishesSuspensions) {
            String purpose = url.equals(revocationListUrl()) ? "revocation" : "suspension";
            if (unreachable.contains(purpose)) {
                status = 503;
            } else {
                body = CredentialJson.write(statusList(purpose, purpose.equals("revocation") ? revocations
                                                                                            : suspensions));
            }
        }
        if (body != null) {
            status = 200;
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
