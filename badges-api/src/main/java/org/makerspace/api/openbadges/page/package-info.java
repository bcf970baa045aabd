/**
 * The public verification page of each shared credential, at {@code PublicUrls.credentialPage}: server-rendered HTML
 * in French or English that says what was earned, from which lab and when, verifies the stored credential afresh on
 * every view, and offers the links to share it (Open Graph, LinkedIn, QR code) and to download it. No login, no
 * JavaScript, nothing loaded from elsewhere.
 */
package org.makerspace.api.openbadges.page;
