/** HTTP endpoints of the lab feature: labs, trainers, machines and machine keys. */
package org.makerspace.api.lab.web;
