package org.makerspace.projections.credential.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which contexts a document may use: only bundled ones, named by URL, wherever {@code @context} appears. An inline
 * context object is refused too, since it could define terms no bundled context vouches for.
 */
public final class ContextPolicy {

    private final BundledContexts bundled;

    public ContextPolicy(BundledContexts bundled) {
        this.bundled = bundled;
    }

    /** Every reason the document's contexts are refused; empty when they are all bundled. */
    public List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        if (!document.has("@context")) {
            problems.add("the document has no @context");
        }
        collect(document, "", problems);
        return problems;
    }

    private void collect(JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().equals("@context")) {
                    check(field.getValue(), at, problems);
                } else {
                    collect(field.getValue(), at, problems);
                }
            }
        }
    }

    private void check(JsonNode context, String at, List<String> problems) {
        if (context.isArray()) {
            for (JsonNode entry : context) {
                check(entry, at, problems);
            }
        } else if (context.isTextual()) {
            if (!bundled.isBundled(context.asText())) {
                problems.add("refused context " + context.asText() + " at " + at + ": not bundled, never fetched");
            }
        } else if (context.isObject()) {
            problems.add("refused an inline context at " + at + ": only bundled contexts are accepted");
        } else {
            problems.add("refused a " + context.getNodeType().name().toLowerCase() + " @context at " + at);
        }
    }
}
