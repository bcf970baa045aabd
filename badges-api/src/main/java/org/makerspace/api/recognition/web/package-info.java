/**
 * Importing a partner's credential into a member's record over HTTP: the member (or staff of their lab) presents it
 * as {@code POST /api/verify} takes it; it is recorded only when every check passes, the issuer is a partner of the
 * member's lab, and the credential is shown to be the member's.
 */
package org.makerspace.api.recognition.web;
