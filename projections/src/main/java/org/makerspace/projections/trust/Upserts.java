package org.makerspace.projections.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Copy-on-change list edits keyed by an id, so that applying an event twice leaves the same list. */
final class Upserts {

    private Upserts() {
    }

    /** The list with the element of the same key replaced in place, or added at the end. */
    static <T, K> List<T> put(List<T> list, Function<T, K> key, T element) {
        List<T> result = new ArrayList<>(list);
        K id = key.apply(element);
        for (int i = 0; i < result.size(); i++) {
            if (key.apply(result.get(i)).equals(id)) {
                result.set(i, element);
                return result;
            }
        }
        result.add(element);
        return result;
    }

    /** The list without the elements of this key. */
    static <T, K> List<T> remove(List<T> list, Function<T, K> key, K id) {
        List<T> result = new ArrayList<>(list);
        result.removeIf(element -> key.apply(element).equals(id));
        return result;
    }
}
