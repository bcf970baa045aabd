/** What the integration tests of the application share: one Spring context on a test MongoDB, an HTTP client, accounts of every role. */
package org.makerspace.api.testing;
