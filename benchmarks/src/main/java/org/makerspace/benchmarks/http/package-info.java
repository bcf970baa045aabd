/**
 * Load against the running application over HTTP: a separate server process, provisioned through the API, driven by
 * a fixed number of concurrent clients, each endpoint beside a trivial one of the same application.
 */
package org.makerspace.benchmarks.http;
