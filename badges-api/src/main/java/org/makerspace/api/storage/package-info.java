/**
 * Connection to MongoDB: a configured replica set, or the embedded server when none is configured; and the data
 * directory that holds the embedded store and the generated secrets, readable by their owner only.
 */
package org.makerspace.api.storage;
