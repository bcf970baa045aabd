/**
 * How the API reads what clients send, before any controller sees it: JSON bodies read strictly (a field once, no
 * {@code null} inside an array, no fraction where an integer is due), business times within the years the ledger
 * keeps, and the OpenAPI description saying so. What is refused here is answered as a problem by {@code problem/}.
 */
package org.makerspace.api.input;
