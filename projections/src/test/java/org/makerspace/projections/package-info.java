/** Tests that span every read model: a full replay through a real Axon configuration, and the module's dependency rules. */
package org.makerspace.projections;
