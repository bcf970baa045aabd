/**
 * JSON-LD processing that never reaches the network and never signs less than the document says: contexts come
 * only from the bundled copies (anything else is refused), a document must be safe (every term defined, no IRI that
 * RDF would drop), and canonicalisation is RDFC-1.0 over the result.
 */
package org.makerspace.projections.credential.jsonld;
