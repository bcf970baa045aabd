/**
 * HTTP endpoints of the member feature: registration, records, passport, awards, and the learner's choice to show
 * their name on their credentials.
 */
package org.makerspace.api.member.web;
