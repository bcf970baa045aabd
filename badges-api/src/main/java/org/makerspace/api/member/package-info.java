/** Members as the HTTP layer sees them: their erasable personal data beside the ledger, and their passport. */
package org.makerspace.api.member;
