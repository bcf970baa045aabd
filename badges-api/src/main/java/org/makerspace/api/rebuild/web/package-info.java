/** The operators' HTTP face of rebuilds: the processors, and a rebuild of one or all. */
package org.makerspace.api.rebuild.web;
