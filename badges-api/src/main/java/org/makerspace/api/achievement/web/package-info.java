/** HTTP endpoints of the achievement feature: badge definitions. */
package org.makerspace.api.achievement.web;
