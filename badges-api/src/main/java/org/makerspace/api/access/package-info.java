/** Machine access as controller boxes see it: decisions, sessions, allowlists and their settings. */
package org.makerspace.api.access;
