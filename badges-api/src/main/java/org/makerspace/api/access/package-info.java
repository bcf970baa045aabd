/**
 * Machine access as controller boxes see it: decisions, sessions, the signed allowlists they decide from offline, the
 * streams that push the lists' changes, and their settings.
 */
package org.makerspace.api.access;
