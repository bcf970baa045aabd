/**
 * Rebuilding read models from the ledger: an operator resets one processor, or all, and follows the replay; from the
 * HTTP API ({@code /api/admin/processors}) or from the command line ({@code java -jar … rebuild <processor>|--all}).
 */
package org.makerspace.api.rebuild;
