/** How much each machine is used, month by month, from the sessions its controller reported. */
package org.makerspace.projections.usage;
