package org.makerspace.projections.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Copy-on-change list operations for the immutable rows of the read models. */
public final class ImmutableLists {

    private ImmutableLists() {
    }

    /** A copy of the list with the element added at the end. */
    public static <T> List<T> appended(List<T> list, T element) {
        List<T> result = new ArrayList<>(list);
        result.add(element);
        return result;
    }

    /** A copy of the list where the elements whose key equals {@code id} are replaced by their changed version. */
    public static <T, K> List<T> replaced(List<T> list, Function<T, K> key, K id, UnaryOperator<T> change) {
        List<T> result = new ArrayList<>(list.size());
        for (T element : list) {
            result.add(key.apply(element).equals(id) ? change.apply(element) : element);
        }
        return result;
    }
}
