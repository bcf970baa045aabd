package org.makerspace.projections.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.IssuerStatus;

/**
 * A member as access control needs it: suspended or not, their certifications (revoked ones too, to say why a
 * machine refuses), the fingerprints of their cards, the partners' credentials they imported, and when they held
 * which card ({@code cardSpans}), so that a use a controller reports later is credited to whoever held the card then.
 */
public record MemberAccess(MemberId memberId, boolean suspended, List<CertificationGrant> certifications,
                           List<String> cards, List<ImportedGrant> imported, List<CardSpan> cardSpans) {

    /** A card held from {@code from} until {@code until} (null: still held). */
    public record CardSpan(String fingerprint, Instant from, Instant until) {

        boolean covers(Instant at) {
            return !at.isBefore(from) && (until == null || at.isBefore(until));
        }
    }

    public MemberAccess {
        Objects.requireNonNull(memberId, "memberId");
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        cards = cards == null ? List.of() : List.copyOf(cards);
        imported = imported == null ? List.of() : List.copyOf(imported);
        cardSpans = cardSpans == null ? List.of() : List.copyOf(cardSpans);
    }

    static MemberAccess of(MemberId memberId) {
        return new MemberAccess(memberId, false, List.of(), List.of(), List.of(), List.of());
    }

    /** Whether the member held the card at {@code at}. */
    boolean heldCardAt(String fingerprint, Instant at) {
        return cardSpans.stream().anyMatch(span -> span.fingerprint().equals(fingerprint) && span.covers(at));
    }

    String id() {
        return memberId.value();
    }

    MemberAccess withSuspended(boolean suspension) {
        return new MemberAccess(memberId, suspension, certifications, cards, imported, cardSpans);
    }

    MemberAccess withCertification(CertificationGrant certification) {
        if (certifications.stream().anyMatch(known -> known.certificationId().equals(certification.certificationId()))) {
            return this;
        }
        List<CertificationGrant> more = new ArrayList<>(certifications);
        more.add(certification);
        return new MemberAccess(memberId, suspended, more, cards, imported, cardSpans);
    }

    MemberAccess withCertificationChanged(CertificationId id, UnaryOperator<CertificationGrant> change) {
        List<CertificationGrant> changed = new ArrayList<>(certifications.size());
        for (CertificationGrant certification : certifications) {
            changed.add(certification.certificationId().equals(id) ? change.apply(certification) : certification);
        }
        return new MemberAccess(memberId, suspended, changed, cards, imported, cardSpans);
    }

    MemberAccess withCard(String fingerprint, Instant at) {
        if (cards.contains(fingerprint)) {
            return this;
        }
        List<String> more = new ArrayList<>(cards);
        more.add(fingerprint);
        List<CardSpan> spans = new ArrayList<>(cardSpans);
        spans.add(new CardSpan(fingerprint, at, null));
        return new MemberAccess(memberId, suspended, certifications, more, imported, spans);
    }

    MemberAccess withoutCard(String fingerprint, Instant at) {
        if (!cards.contains(fingerprint)) {
            return this;
        }
        List<String> fewer = new ArrayList<>(cards);
        fewer.remove(fingerprint);
        List<CardSpan> spans = new ArrayList<>(cardSpans.size());
        for (CardSpan span : cardSpans) {
            boolean closing = span.fingerprint().equals(fingerprint) && span.until() == null;
            spans.add(closing ? new CardSpan(fingerprint, span.from(), at) : span);
        }
        return new MemberAccess(memberId, suspended, certifications, fewer, imported, spans);
    }

    /** The same credential imported again (a redelivered event) is kept once. */
    MemberAccess withImported(ImportedGrant credential) {
        if (imported.stream().anyMatch(known -> known.credentialId().equals(credential.credentialId()))) {
            return this;
        }
        List<ImportedGrant> more = new ArrayList<>(imported);
        more.add(credential);
        return new MemberAccess(memberId, suspended, certifications, cards, more, cardSpans);
    }

    /** With what the issuer of one of the imported credentials says of it now. */
    MemberAccess withIssuerStatus(String credentialId, IssuerStatus status) {
        List<ImportedGrant> changed = new ArrayList<>(imported.size());
        for (ImportedGrant credential : imported) {
            changed.add(credential.credentialId().equals(credentialId) ? credential.withIssuerStatus(status)
                                                                       : credential);
        }
        return new MemberAccess(memberId, suspended, certifications, cards, changed, cardSpans);
    }

    /** The certifications covering the machine, each used at {@code at}. */
    MemberAccess withCertificationsUsed(MachineState machine, Instant at) {
        List<CertificationGrant> changed = new ArrayList<>(certifications.size());
        for (CertificationGrant certification : certifications) {
            changed.add(certification.covers(machine) ? certification.usedAt(at) : certification);
        }
        return new MemberAccess(memberId, suspended, changed, cards, imported, cardSpans);
    }
}
