/**
 * Who is calling and what they may do: accounts with Argon2id passwords, bearer tokens from a login, machine API keys,
 * the first administrator, and {@link org.makerspace.api.security.Caller}, which controllers receive to check access.
 */
package org.makerspace.api.security;
