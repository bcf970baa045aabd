/**
 * Open Badges in the application: issuing every award's credential ({@code issuance}) and publishing the documents
 * verifiers and backpacks fetch ({@code publish}).
 */
package org.makerspace.api.openbadges;
