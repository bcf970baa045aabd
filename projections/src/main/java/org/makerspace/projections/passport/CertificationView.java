package org.makerspace.projections.passport;

/** A certification with its status at the time the passport was asked for. */
public record CertificationView(CertificationEntry certification, CertificationStatus status) {
}
