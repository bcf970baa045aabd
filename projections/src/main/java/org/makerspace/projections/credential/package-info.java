/**
 * Open Badges 3.0 credentials for awards: the public URLs they name, with the bundled JSON-LD contexts
 * ({@code jsonld}), the eddsa-rdfc-2022 Data Integrity proof ({@code proof}), VC-JWT ({@code jwt}), the labs' signing
 * keys ({@code issuer}) and the credential itself, built and verified ({@code ob3}) in sub-packages.
 */
package org.makerspace.projections.credential;
