/** The staff pages about learners: finding one, and their passport at a glance. */
package org.makerspace.api.member.pages;
