/** Messages of the lab feature: the lab as issuer, its trainers and its machines. Other modules import only this package. */
package org.makerspace.ledger.lab.api;
