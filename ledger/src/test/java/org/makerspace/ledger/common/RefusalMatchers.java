package org.makerspace.ledger.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for the refusal codes, since Axon's fixture takes matchers for exceptions. */
public final class RefusalMatchers {

    private RefusalMatchers() {
    }

    /** A {@link DomainRefusal} whose {@code code()} is the given one. */
    public static Matcher<DomainRefusal> refusedWithCode(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRefusal refusal) {
                return refusal.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a domain refusal with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(DomainRefusal refusal, Description description) {
                description.appendText("its code was ").appendValue(refusal.code());
            }
        };
    }
}
