package org.makerspace.api.achievement.image;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.makerspace.api.baking.BadgeImageException;
import org.makerspace.api.baking.NotBakedException;
import org.makerspace.api.baking.SecureXml;
import org.makerspace.api.baking.SvgBaking;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Accepts an SVG as a badge image only if it is a picture and nothing more. We serve it from our own origin and bake
 * it into every credential of the achievement, so anything active in it would run as us, and anything external would
 * tell a third party who looks at a learner's badge. It is read with baking's parser (no DTD, so no entity of any
 * kind) and must be UTF-8, an {@code <svg>} root in the SVG namespace, not baked already, and hold:
 * <ul>
 *   <li>no script, {@code foreignObject}, embedded HTML or other element that loads or runs something;</li>
 *   <li>no event-handler attribute ({@code on…}), nor an animation that sets a link or a handler;</li>
 *   <li>no reference outside the image: a link ({@code href}, {@code xlink:href}) is a {@code #id} or a raster
 *   {@code data:image/…} URL (not SVG, whose content this check could not see), and so is every CSS
 *   {@code url(…)}; no {@code @import}, {@code image-set()}, {@code xml:base} or processing instruction
 *   (such as {@code xml-stylesheet}); CSS escapes are refused, since they could spell any of these in disguise.</li>
 * </ul>
 * This is an allow-list of references and a deny-list of elements; the {@code Content-Security-Policy} the image is
 * served with is the second line of defence, for a viewer that opens it directly.
 */
final class SvgCheck {

    private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
    private static final Set<String> REFUSED_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
                                                               "audio", "video", "canvas", "handler", "listener");
    private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animatetransform", "animatemotion",
                                                         "animatecolor");
    private static final Set<String> RASTER_DATA = Set.of("data:image/png", "data:image/jpeg", "data:image/jpg",
                                                          "data:image/gif", "data:image/webp");
    /** A reference to an element of the image: its id, in the characters ids of drawing programs use. */
    private static final Pattern FRAGMENT = Pattern.compile("#[A-Za-z0-9_.:-]+");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)",
                                                           Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SvgCheck() {
    }

    static BadgeImage check(byte[] svg) {
        if (!SvgBaking.looksLikeSvg(svg)) {
            throw ImageRefused.invalid("the body is not an SVG image: it does not start with '<'");
        }
        requireSvgWithoutBadgeData(svg);
        Document document = SecureXml.parse(svg);
        // The parser reads many encodings, not every browser does: they must all read the same characters we checked.
        for (String encoding : new String[] {document.getXmlEncoding(), document.getInputEncoding()}) {
            if (encoding != null && !encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("US-ASCII")) {
                throw ImageRefused.invalid("the SVG image is encoded in " + encoding + "; badge images are UTF-8");
            }
        }
        requirePictureOnly(document);
        return BadgeImage.of(HostedImage.Format.SVG, svg, 0, 0);
    }

    /** Baking's own reading: well-formed, no DOCTYPE, an {@code <svg>} root, and nothing baked into it yet. */
    private static void requireSvgWithoutBadgeData(byte[] svg) {
        try {
            SvgBaking.extract(svg);
        } catch (NotBakedException expected) {
            return;
        } catch (BadgeImageException e) {
            throw ImageRefused.invalid(e.getMessage());
        }
        throw ImageRefused.invalid("the SVG image already carries Open Badges data (it is a baked badge): upload the "
                                   + "image without it");
    }

    /** Walks the whole tree without recursion: a deeply nested document must not exhaust the stack. */
    private static void requirePictureOnly(Document document) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                throw ImageRefused.invalid("the SVG image holds a processing instruction <?" + node.getNodeName()
                                           + "?>: it could load a style sheet from elsewhere");
            }
            if (node instanceof Element element) {
                checkElement(element);
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPreviousSibling()) {
                pending.push(child);
            }
        }
    }

    private static void checkElement(Element element) {
        String name = localName(element);
        if (REFUSED_ELEMENTS.contains(name)) {
            throw ImageRefused.invalid("the SVG image holds a <" + element.getTagName() + "> element: badge images "
                                       + "may hold no script, foreignObject or embedded content");
        }
        if (XHTML_NAMESPACE.equals(element.getNamespaceURI())) {
            throw ImageRefused.invalid("the SVG image holds an HTML element <" + element.getTagName() + ">");
        }
        if (name.equals("style")) {
            checkCss(element.getTextContent(), "its <style> element");
        }
        if (ANIMATIONS.contains(name)) {
            String animated = element.getAttribute("attributeName").strip().toLowerCase(Locale.ROOT);
            String local = animated.substring(animated.indexOf(':') + 1);
            if (local.equals("href") || local.startsWith("on")) {
                throw ImageRefused.invalid("the SVG image animates the attribute " + animated + " of an element: "
                                           + "an animation may not change a link or an event handler");
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                checkAttribute(element, attribute);
            }
        }
    }

    private static void checkAttribute(Element element, Attr attribute) {
        String name = localName(attribute);
        String where = "the attribute " + attribute.getName() + " of <" + element.getTagName() + ">";
        if (name.startsWith("on")) {
            throw ImageRefused.invalid("the SVG image has an event handler, " + where + ": badge images run nothing");
        }
        if (name.equals("base") || attribute.getName().equals("xml:base")) {
            throw ImageRefused.invalid("the SVG image sets " + where + ", which would point its links elsewhere");
        }
        if (name.equals("href")) {
            requireInternalReference(attribute.getValue(), where);
        }
        if (name.equals("style")) {
            checkCss(attribute.getValue(), where);
        } else if (attribute.getValue().toLowerCase(Locale.ROOT).contains("url(")) {
            checkUrls(attribute.getValue(), where);
        }
    }

    private static void checkCss(String css, String where) {
        String lower = css.toLowerCase(Locale.ROOT);
        if (css.indexOf('\\') >= 0) {
            throw ImageRefused.invalid("the SVG image uses a CSS escape in " + where + ": refused, since an escape can "
                                       + "spell a reference to another resource");
        }
        if (lower.contains("@import") || lower.contains("image-set(")) {
            throw ImageRefused.invalid("the SVG image loads a style sheet or image from elsewhere in " + where);
        }
        checkUrls(css, where);
    }

    private static void checkUrls(String text, String where) {
        Matcher url = CSS_URL.matcher(text);
        int checked = 0;
        while (url.find()) {
            requireInternalReference(url.group(2), where);
            checked++;
        }
        int mentioned = text.toLowerCase(Locale.ROOT).split("url\\(", -1).length - 1;
        if (mentioned != checked) {
            throw ImageRefused.invalid("the SVG image has a url( in " + where + " that cannot be read as a reference");
        }
    }

    /**
     * A reference inside the image ({@code #id}) or an image carried in it ({@code data:image/png;…}); browsers ignore
     * blanks and control characters in URLs, so the test does too before looking at the scheme.
     */
    private static void requireInternalReference(String reference, String where) {
        String trimmed = reference.strip();
        if (FRAGMENT.matcher(trimmed).matches()) {
            return;
        }
        String compact = trimmed.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        int end = compact.length();
        for (char separator : new char[] {';', ','}) {
            int at = compact.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        if (!RASTER_DATA.contains(compact.substring(0, end))) {
            throw ImageRefused.invalid("the SVG image refers to '" + abbreviated(trimmed) + "' in " + where
                                       + ": a badge image may refer only to its own parts (#id) or to a PNG, JPEG, "
                                       + "GIF or WebP carried in it (data:image/…)");
        }
    }

    private static String localName(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name.toLowerCase(Locale.ROOT);
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
