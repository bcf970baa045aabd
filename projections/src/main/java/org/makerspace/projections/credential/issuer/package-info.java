/**
 * The labs' Ed25519 signing keys: generated here, stored in {@code issuer_keys} with the private key encrypted
 * (AES-256-GCM under a master key that never enters the database), rotated by adding a newer key while every older
 * public key stays published so old credentials keep verifying, and described as Multikey verification methods.
 */
package org.makerspace.projections.credential.issuer;
