/** Messages of the lab feature: the lab as issuer, its trainers, its machines and its partners. Other modules import only this package. */
package org.makerspace.ledger.lab.api;
