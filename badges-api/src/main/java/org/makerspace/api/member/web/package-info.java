/** HTTP endpoints of the member feature: registration, records, passport and awards. */
package org.makerspace.api.member.web;
