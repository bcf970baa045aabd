/**
 * The sentences people read, in their language: French first, English beside it, from the message bundles
 * {@code messages_fr} and {@code messages_en}; never from Java code.
 */
package org.makerspace.api.i18n;
