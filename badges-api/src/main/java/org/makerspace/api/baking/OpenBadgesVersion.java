package org.makerspace.api.baking;

/** The two baking conventions: where each version puts its data in a PNG and an SVG. */
public enum OpenBadgesVersion {

    /** An OpenBadgeCredential: a compact JWS (VC-JWT) or the credential's JSON with an embedded proof. */
    V3_0("openbadgecredential", "https://purl.imsglobal.org/ob/v3p0", "credential"),
    /** An Open Badges 2.0 assertion: a signed JWS, a hosted assertion's URL, or the assertion's JSON. */
    V2_0("openbadges", "http://openbadges.org", "assertion");

    private final String pngKeyword;
    private final String svgNamespace;
    private final String svgElement;

    OpenBadgesVersion(String pngKeyword, String svgNamespace, String svgElement) {
        this.pngKeyword = pngKeyword;
        this.svgNamespace = svgNamespace;
        this.svgElement = svgElement;
    }

    /** The keyword of the PNG {@code iTXt} chunk. */
    public String pngKeyword() {
        return pngKeyword;
    }

    /** The namespace the SVG element is in, bound to the prefix {@code openbadges}. */
    public String svgNamespace() {
        return svgNamespace;
    }

    /** The local name of the SVG element. */
    public String svgElement() {
        return svgElement;
    }
}
