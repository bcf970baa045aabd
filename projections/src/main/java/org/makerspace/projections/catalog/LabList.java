package org.makerspace.projections.catalog;

import java.util.List;

/** Every registered lab, by lab id. */
public record LabList(List<LabView> labs) {

    public LabList {
        labs = List.copyOf(labs);
    }
}
