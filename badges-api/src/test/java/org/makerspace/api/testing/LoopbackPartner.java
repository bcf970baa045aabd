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
 * stored in our issuer keys), publishes that key as a Multikey document and its revocation list as a signed
 * BitstringStatusListCredential, and counts every request it receives. Its issuer id is
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

    public LoopbackPartner() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        urls = PublicUrls.of("http://127.0.0.1:" + server.getAddress().getPort());
        Ed25519SigningKey secret = Ed25519SigningKey.generate();
        key = new IssuerSigningKey(new IssuerKey("ed25519-outside", LAB, secret.publicKey(), KEY_FROM, true), secret);
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
        return urls.base() + "/status-lists/" + LAB + "/revocation";
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

    private ObjectNode sign(ObjectNode document, Instant created) {
        return new EddsaRdfc2022(BundledContexts.standard())
                .sign(document, ProofOptions.assertion(verificationMethod(), created), key.signingKey());
    }

    private ObjectNode revocationList() {
        ObjectNode list = CredentialJson.object();
        list.putArray("@context").add(OpenBadgeCredentialBuilder.VC_CONTEXT);
        list.put("id", revocationListUrl());
        list.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        list.put("issuer", issuerId());
        list.put("validFrom", KEY_FROM.toString());
        ObjectNode subject = list.putObject("credentialSubject");
        subject.put("id", revocationListUrl() + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", revocations.encodedList());
        return sign(list, KEY_FROM);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String body = null;
        if ((urls.base() + path).equals(verificationMethod())) {
            body = CredentialJson.write(new VerificationMethods(urls).multikey(key.key()));
        } else if ((urls.base() + path).equals(revocationListUrl())) {
            body = CredentialJson.write(revocationList());
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
