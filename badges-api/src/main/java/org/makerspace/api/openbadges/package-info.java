/**
 * Open Badges 3.0 in the application: the shared building blocks credentials need (the public base URL, the labs'
 * signing keys under the master key, the status lists), and in sub-packages what is done with them.
 */
package org.makerspace.api.openbadges;
