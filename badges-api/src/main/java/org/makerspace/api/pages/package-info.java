/**
 * What every staff page shares: the marker of page controllers, their errors as pages, the login page and the home
 * page. Each feature's pages live with the feature ({@code member/pages}), their templates in
 * {@code templates/<feature>/}, built from {@code templates/fragments/page.html}.
 */
package org.makerspace.api.pages;
