/** Registration of the read models (projections module) in the application. */
package org.makerspace.api.readmodel;
