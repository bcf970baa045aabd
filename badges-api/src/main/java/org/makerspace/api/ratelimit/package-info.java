/** Token buckets per client address, for the public and the authentication endpoints that must not be hammered. */
package org.makerspace.api.ratelimit;
