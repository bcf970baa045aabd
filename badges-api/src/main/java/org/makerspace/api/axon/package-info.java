/**
 * Axon Framework wiring: the event store on our MongoDB engine, the token store, the event processors and how far
 * behind they are.
 */
package org.makerspace.api.axon;
