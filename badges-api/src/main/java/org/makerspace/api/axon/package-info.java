/** Axon Framework wiring: the event store on our MongoDB engine, the token store and the event processors. */
package org.makerspace.api.axon;
