/** Connection to MongoDB: a configured replica set, or the embedded server when none is configured. */
package org.makerspace.api.storage;
