/** Labs in the application: which lab holds which machine id. */
package org.makerspace.api.lab;
