package org.makerspace.api.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff find a learner of their lab by the first letters of any word of their name, accents and capitals aside. */
class MemberDirectorySearchIntegrationTest extends ApiIntegrationTestSupport {

    @Autowired
    private MemberDirectory directory;

    private String save(String lab, String name) {
        String memberId = unique("member");
        directory.save(new MemberProfile(memberId, lab, name, null, null, false));
        return memberId;
    }

    private java.util.List<String> names(String lab, String typed) {
        return directory.search(lab, typed, 20).stream().map(MemberProfile::displayName).toList();
    }

    @Test
    void findsTheFirstLettersOfAnyWordOfTheNameWhateverTheAccentsAndCapitals() {
        String lab = unique("search-lab");
        save(lab, "Léa Martin");
        save(lab, "Éloïse Léandri");
        save(lab, "Louis Bernard");

        assertThat(names(lab, "lea")).containsExactly("Éloïse Léandri", "Léa Martin");
        assertThat(names(lab, "LÉA M")).containsExactly("Léa Martin");
        assertThat(names(lab, "lean")).containsExactly("Éloïse Léandri");
        assertThat(names(lab, "eloise")).containsExactly("Éloïse Léandri");
        assertThat(names(lab, "mar")).containsExactly("Léa Martin");
        assertThat(names(lab, "artin")).isEmpty();
        assertThat(names(lab, "  ")).isEmpty();
    }

    @Test
    void findsOnlyTheLabsOwnLearnersAndNeverAnErasedOne() {
        String lab = unique("search-lab");
        String other = unique("search-other");
        String erased = save(lab, "Léa Martin");
        save(other, "Léa Dupont");
        directory.erase(erased, lab, Instant.now());

        assertThat(names(lab, "lea")).isEmpty();
        assertThat(names(other, "lea")).containsExactly("Léa Dupont");
    }

    @Test
    void findsAMemberInTheLabsTheyJoinedTooAndKeepsThemThereWhenTheirDataIsSavedAgain() {
        String first = unique("search-first");
        String joined = unique("search-joined");
        String lea = save(first, "Léa Martin");

        directory.joined(lea, joined);
        directory.joined(lea, joined);
        assertThat(names(joined, "lea")).containsExactly("Léa Martin");
        directory.save(new MemberProfile(lea, first, "Léa Martin-Durand", null, null, false));

        assertThat(names(joined, "lea")).containsExactly("Léa Martin-Durand");
        assertThat(names(first, "lea")).containsExactly("Léa Martin-Durand");
        assertThat(names(unique("search-elsewhere"), "lea")).isEmpty();
    }

    @Test
    void whatIsTypedIsTakenAsLettersNeverAsAPattern() {
        String lab = unique("search-lab");
        save(lab, "Léa Martin");

        assertThat(names(lab, ".*")).isEmpty();
        assertThat(names(lab, "l(e")).isEmpty();
    }
}
