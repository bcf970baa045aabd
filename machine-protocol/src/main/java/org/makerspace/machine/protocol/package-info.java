/**
 * The controller protocol as data: the allowlist a machine's controller box keeps to decide offline, its compact JWS
 * signed by the lab, the check a controller runs on it with the lab's published key, and the events of the push
 * stream. Both sides use it, so the format has one definition; it depends on nothing of the server.
 */
package org.makerspace.machine.protocol;
