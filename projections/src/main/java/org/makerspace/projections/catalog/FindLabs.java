package org.makerspace.projections.catalog;

/** Asks for every registered lab; answered with a {@link LabList}. */
public record FindLabs() {
}
