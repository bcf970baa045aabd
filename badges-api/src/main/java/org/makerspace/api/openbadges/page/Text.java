package org.makerspace.api.openbadges.page;

/**
 * Every sentence of the public pages, in French and English side by side, so that neither language can miss one.
 * Arguments are {@link String#format} arguments, formatted in the page's locale, and escaped by the writer like any
 * other text.
 */
enum Text {
    LANGUAGE("Langue", "Language"),
    TITLE("%s — badge délivré par %s", "%s — badge issued by %s"),
    SUMMARY("Badge « %s » délivré par %s le %s.", "“%s” badge issued by %s on %s."),
    IMAGE_ALT("Badge « %s » de %s", "“%s” badge from %s"),
    OPEN_BADGE("Badge numérique Open Badges 3.0", "Open Badges 3.0 digital badge"),
    ISSUED_BY("Délivré par", "Issued by"),
    AWARDED_TO("Décerné à", "Awarded to"),
    EARNED("Ce qui a été obtenu", "What was earned"),
    CRITERIA("Critères d'obtention", "Criteria"),
    ISSUER_AND_VALIDITY("Émetteur et validité", "Issuer and validity"),
    LAB("Lab", "Lab"),
    ISSUED_ON("Date d'émission", "Issued on"),
    VALID_UNTIL("Valide jusqu'au", "Valid until"),
    NO_EXPIRY("Sans date d'expiration", "Does not expire"),
    REVOKED("Ce badge a été révoqué par %s.", "This badge has been revoked by %s."),
    REVOKED_ON("Révoqué le %s.", "Revoked on %s."),
    REASON("Motif : %s", "Reason: %s"),
    SUSPENDED("Ce badge est suspendu par %s : il n'est pas valide tant que la suspension dure.",
              "This badge is suspended by %s: it is not valid while the suspension lasts."),
    SUSPENDED_SINCE("Suspendu depuis le %s.", "Suspended since %s."),
    VERIFICATION("Vérification", "Verification"),
    VERIFIED_AT("Vérifié par ce registre le %s.", "Verified by this ledger on %s."),
    ALL_PASSED("Toutes les vérifications ont réussi : ce badge est authentique et valide.",
               "Every check passed: this badge is genuine and valid."),
    SOME_FAILED("%d vérification(s) sur %d ont échoué : ne vous fiez pas à ce badge.",
                "%d of %d checks failed: do not rely on this badge."),
    PASSED("Réussi", "Passed"),
    FAILED("Échoué", "Failed"),
    TECHNICAL_DETAIL("Détail technique", "Technical detail"),
    SIGNATURE("Signature", "Signature"),
    SIGNATURE_OK("La signature numérique du lab est valide : le badge n'a pas été modifié.",
                 "The lab's digital signature is valid: the badge has not been altered."),
    SIGNATURE_FAILED("La signature numérique n'est pas valide : le badge a pu être modifié.",
                     "The digital signature is not valid: the badge may have been altered."),
    CONTEXTS("Vocabulaires", "Vocabularies"),
    CONTEXTS_OK("Il n'utilise que les vocabulaires standard (contextes JSON-LD).",
                "It uses only the standard vocabularies (JSON-LD contexts)."),
    CONTEXTS_FAILED("Il utilise des vocabulaires (contextes JSON-LD) inconnus.",
                    "It uses unknown vocabularies (JSON-LD contexts)."),
    SAFE_MODE("Mode sûr", "Safe mode"),
    SAFE_MODE_OK("Chacun de ses termes est défini par ces vocabulaires.",
                  "Every one of its terms is defined by those vocabularies."),
    SAFE_MODE_FAILED("Certains de ses termes ne sont définis par aucun vocabulaire.",
                     "Some of its terms are defined by no vocabulary."),
    SCHEMA("Format", "Format"),
    SCHEMA_OK("Il respecte le format Open Badges 3.0.", "It follows the Open Badges 3.0 format."),
    SCHEMA_FAILED("Il ne respecte pas le format Open Badges 3.0.", "It does not follow the Open Badges 3.0 format."),
    VALIDITY("Validité", "Validity"),
    VALIDITY_OK("Il est dans sa période de validité.", "It is within its validity period."),
    VALIDITY_FAILED("Il est hors de sa période de validité (expiré ou pas encore valide).",
                    "It is outside its validity period (expired or not yet valid)."),
    STATUS("Statut", "Status"),
    STATUS_OK("Il n'est ni révoqué ni suspendu.", "It is neither revoked nor suspended."),
    STATUS_REVOKED("Il a été révoqué par le lab.", "It has been revoked by the lab."),
    STATUS_SUSPENDED("Il est suspendu par le lab.", "It is suspended by the lab."),
    STATUS_FAILED("Son statut n'a pas pu être confirmé.", "Its status could not be confirmed."),
    ISSUER_TRUSTED("Émetteur", "Issuer"),
    ISSUER_TRUSTED_OK("Il a été délivré par %s, un lab de ce registre, avec sa propre clé.",
                      "It was issued by %s, a lab of this ledger, with its own key."),
    ISSUER_TRUSTED_FAILED("Son émetteur n'est pas reconnu par ce registre.",
                          "Its issuer is not recognised by this ledger."),
    SHARE("Partager", "Share"),
    LINKEDIN("Ajouter à mon profil LinkedIn", "Add to my LinkedIn profile"),
    QR_CAPTION("Code QR de l'adresse de cette page", "QR code of this page's address"),
    DOWNLOAD("Télécharger", "Download"),
    DOWNLOAD_JSON_LD("Attestation JSON-LD signée (Open Badges 3.0)", "Signed JSON-LD credential (Open Badges 3.0)"),
    DOWNLOAD_JWT("Attestation VC-JWT", "VC-JWT credential"),
    DOWNLOAD_PNG("Image du badge, attestation intégrée (PNG)", "Badge image with the credential baked in (PNG)"),
    DOWNLOAD_SVG("Image du badge, attestation intégrée (SVG)", "Badge image with the credential baked in (SVG)"),
    NOT_FOUND_TITLE("Badge introuvable", "Badge not found"),
    NOT_FOUND_BODY("Aucun badge n'a été délivré sous l'identifiant « %s ». Vérifiez l'adresse qu'on vous a "
                   + "communiquée.",
                   "No badge has been issued under the identifier “%s”. Check the address you were given.");

    private final String french;
    private final String english;

    Text(String french, String english) {
        this.french = french;
        this.english = english;
    }

    String in(PageLanguage language, Object... arguments) {
        String pattern = language == PageLanguage.FR ? french : english;
        return arguments.length == 0 ? pattern : String.format(language.locale(), pattern, arguments);
    }
}
