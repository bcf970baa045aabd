package org.makerspace.api.baking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Bakes into and extracts from SVG images. Baking declares {@code xmlns:openbadges} on the root {@code <svg>} and
 * puts an {@code <openbadges:credential>} (3.0) or {@code <openbadges:assertion>} (2.0) element as its first child:
 * a compact JWS or URL goes in the {@code verify} attribute, JSON in a CDATA section. An earlier element of the same
 * version is replaced, since an image holds at most one. The document is parsed and written again, so its
 * formatting may change (attribute quotes, the XML declaration) but not its content.
 *
 * <p>Both versions bind the prefix {@code openbadges} to different namespaces; when the root already binds it to the
 * other version's namespace (an image baked for both), the new element declares its own.
 */
public final class SvgBaking {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    /** Some 3.0 bakers wrote the namespace with {@code /spec/}; extraction accepts it too. */
    private static final String V3_NAMESPACE_VARIANT = "https://purl.imsglobal.org/spec/ob/v3p0";
    private static final String PREFIX = "openbadges";
    private static final String VERIFY = "verify";

    private SvgBaking() {
    }

    /** Whether the bytes look like XML: they start, after an optional byte order mark and blanks, with {@code <}. */
    public static boolean looksLikeSvg(byte[] image) {
        if (image == null) {
            return false;
        }
        int i = image.length >= 3 && (image[0] & 0xff) == 0xef && (image[1] & 0xff) == 0xbb
                && (image[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < image.length && Character.isWhitespace(image[i])) {
            i++;
        }
        return i < image.length && image[i] == '<';
    }

    /** The image with the payload baked in, replacing any earlier payload of the same version. */
    public static byte[] bake(byte[] svg, BadgePayload payload) {
        BadgeBaking.checkSize(svg);
        OpenBadgesVersion version = payload.version();
        if (version == OpenBadgesVersion.V2_0 && payload.verify() == null) {
            throw new IllegalArgumentException("an Open Badges 2.0 assertion is baked into an SVG with its signature or "
                                                       + "hosted URL in 'verify'; this one has only JSON");
        }
        Document document = SecureXml.parse(svg);
        Element root = svgRoot(document);
        for (Element earlier : elementsOf(document, version)) {
            earlier.getParentNode().removeChild(earlier);
        }
        Element element = document.createElementNS(version.svgNamespace(), PREFIX + ":" + version.svgElement());
        String bound = root.getAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, PREFIX);
        Element declaring = bound.isEmpty() || bound.equals(version.svgNamespace()) ? root : element;
        declaring.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + PREFIX, version.svgNamespace());
        if (payload.verify() != null) {
            element.setAttribute(VERIFY, payload.verify());
        }
        if (payload.json() != null) {
            element.appendChild(document.createCDATASection(payload.json()));
        }
        root.insertBefore(document.createTextNode("\n"), root.getFirstChild());
        root.insertBefore(element, root.getFirstChild());
        return BadgeBaking.checkBakedSize(SecureXml.write(document));
    }

    /**
     * The payload baked in the image: the 3.0 credential when there is one, else the 2.0 assertion.
     *
     * @throws NotBakedException when the SVG holds neither
     * @throws BadgeImageException when the bytes are not a well-formed SVG without DOCTYPE
     */
    public static BadgePayload extract(byte[] svg) {
        BadgeBaking.checkSize(svg);
        Document document = SecureXml.parse(svg);
        svgRoot(document);
        for (OpenBadgesVersion version : List.of(OpenBadgesVersion.V3_0, OpenBadgesVersion.V2_0)) {
            Optional<Element> first = elementsOf(document, version).stream().findFirst();
            if (first.isPresent()) {
                return payloadOf(version, first.get());
            }
        }
        throw new NotBakedException("the SVG image is not baked: it has no <openbadges:credential> (Open Badges 3.0) "
                                            + "or <openbadges:assertion> (Open Badges 2.0) element");
    }

    private static BadgePayload payloadOf(OpenBadgesVersion version, Element element) {
        String verify = element.getAttribute(VERIFY);
        String body = element.getTextContent();
        if (verify.isBlank() && body.isBlank()) {
            throw new BadgeImageException("the SVG image's <openbadges:" + version.svgElement() + "> element is empty");
        }
        if (version == OpenBadgesVersion.V3_0) {
            return verify.isBlank() ? BadgePayload.ob3Json(body) : BadgePayload.ob3Jwt(verify);
        }
        return new BadgePayload(version, verify, body);
    }

    private static Element svgRoot(Document document) {
        Element root = document.getDocumentElement();
        if (!SVG_NAMESPACE.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw new BadgeImageException("not an SVG image: the root element is <" + root.getTagName()
                                                  + ">, not an <svg> in the SVG namespace");
        }
        return root;
    }

    /** The version's elements in document order. */
    private static List<Element> elementsOf(Document document, OpenBadgesVersion version) {
        Set<String> namespaces = version == OpenBadgesVersion.V3_0
                ? Set.of(version.svgNamespace(), V3_NAMESPACE_VARIANT) : Set.of(version.svgNamespace());
        List<Element> elements = new ArrayList<>();
        NodeList named = document.getElementsByTagNameNS("*", version.svgElement());
        for (int i = 0; i < named.getLength(); i++) {
            Element element = (Element) named.item(i);
            if (namespaces.contains(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }
}
