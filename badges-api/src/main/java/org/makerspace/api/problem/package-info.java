/** Every error the HTTP API answers, as an RFC 9457 {@code application/problem+json} document with a stable type. */
package org.makerspace.api.problem;
