package org.makerspace.ledger.lab.api;

import org.axonframework.serialization.Revision;

/** A lab joined; its name, public URL and contact address are the issuer's public profile, not personal data. */
@Revision("1")
public record LabRegistered(LabId labId, String name, String publicUrl, String contactEmail) {
}
