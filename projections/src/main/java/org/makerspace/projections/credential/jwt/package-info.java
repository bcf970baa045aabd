/**
 * VC-JWT as Open Badges 3.0 profiles it: a compact JWS (EdDSA, {@code kid} naming the verification method,
 * {@code typ} JWT) whose payload is the credential itself plus the registered claims {@code iss}, {@code jti},
 * {@code sub}, {@code nbf} and {@code exp}, each equal to the credential field it mirrors.
 */
package org.makerspace.projections.credential.jwt;
