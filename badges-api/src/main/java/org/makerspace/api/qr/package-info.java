/**
 * QR codes of public URLs (a badge's verification page, a lab's profile), drawn as SVG and PNG from zxing's module
 * matrix with the standard four-module quiet zone, so they can be printed on certificates and machine signs.
 */
package org.makerspace.api.qr;
