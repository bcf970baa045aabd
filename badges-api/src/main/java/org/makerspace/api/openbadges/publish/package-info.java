/**
 * The public Open Badges documents, at exactly the URLs {@code PublicUrls} gives credentials: issuer profiles, keys
 * (Multikey and JWK), achievements, their default images and the images labs uploaded, each award's credential
 * (JSON-LD with a Data Integrity proof, VC-JWT, and baked into a PNG and an SVG: the lab's uploaded image of that
 * format, else the default one) and, while its learner shows their name, the named copy in the same forms, the labs' signed status lists, and Open Badges 2.0 hosted documents. No login,
 * readable from any origin (wallets and verifiers run in browsers), and every answer carries a strong ETag of its
 * bytes (304 on {@code If-None-Match}) and a {@code Cache-Control} that says how long it holds; every SVG a policy
 * that lets it load and run nothing when opened directly.
 */
package org.makerspace.api.openbadges.publish;
