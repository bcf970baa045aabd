package org.makerspace.ledger.recognition.api;

/**
 * Where an imported credential's issuer publishes whether it still holds: one {@code credentialStatus} entry of the
 * credential as it was imported (a {@code BitstringStatusListEntry}: the purpose, the list credential's URL and the
 * credential's index in it). Public data of the issuer, nothing personal.
 */
public record CredentialStatusEntry(String type, String purpose, String listUrl, long index) {
}
