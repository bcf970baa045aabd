/** The machine access contract for controller boxes. */
package org.makerspace.api.access.web;
