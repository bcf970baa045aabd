/**
 * Open Badges 3.0 in the application: the shared building blocks credentials need (the public base URL, the labs'
 * signing keys under the master key, the status lists), issuing every award's credential ({@code issuance}),
 * publishing the documents verifiers and backpacks fetch ({@code publish}) and verifying credentials ({@code verify}).
 */
package org.makerspace.api.openbadges;
