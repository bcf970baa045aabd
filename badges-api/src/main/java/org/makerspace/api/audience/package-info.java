/** Who each operation of the application is open to: stated on the operation, published, and enforced by security. */
package org.makerspace.api.audience;
