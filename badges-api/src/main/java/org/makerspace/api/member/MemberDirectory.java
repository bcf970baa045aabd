package org.makerspace.api.member;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.makerspace.api.security.MemberHomes;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.stereotype.Component;

/**
 * The personal data of members, kept out of the ledger on purpose: events reference a member by id only, and this
 * mutable, erasable directory says who the id is. Erasing a member removes their personal data for good while the
 * ledger (and every badge issued) stays intact and refers to nobody identifiable.
 */
@Component
public class MemberDirectory implements MemberHomes {

    static final String COLLECTION = "member_directory";
    static final String SHOW_NAME = "showNameOnCredentials";
    /** The display name without accents, lowercased: what a search by the first letters of a name matches. */
    static final String SEARCH_NAME = "searchName";
    /** The labs the member joined besides their first, whose staff find them by name too. */
    static final String OTHER_LABS = "otherLabs";

    private final MongoCollection<Document> entries;
    private final LedgerStorage storage;

    MemberDirectory(LedgerStorage storage) {
        this.storage = storage;
        this.entries = storage.database().getCollection(COLLECTION);
        addSearchNames();
    }

    /** Entries written before names were searchable get their search name once, at the first start that knows it. */
    private void addSearchNames() {
        for (Document entry : entries.find(and(exists(SEARCH_NAME, false), exists("displayName", true)))) {
            entries.updateOne(eq("_id", entry.get("_id")),
                              Updates.set(SEARCH_NAME, searchable(entry.getString("displayName"))));
        }
    }

    /** "Léa Martin" as "lea martin": what is typed on a phone, whatever its accents and capitals, finds it. */
    static String searchable(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /**
     * The members of the lab whose name has a word starting with what was typed ("lea" finds "Léa Martin", "mar"
     * too), accents and capitals aside, in the order of their names; erased members have no name to find.
     */
    public List<MemberProfile> search(String labId, String typed, int limit) {
        String start = searchable(typed);
        if (start.isEmpty()) {
            return List.of();
        }
        List<MemberProfile> found = new ArrayList<>();
        entries.find(and(or(eq("labId", labId), eq(OTHER_LABS, labId)),
                         regex(SEARCH_NAME, "(^| )" + Pattern.quote(start))))
                .sort(Sorts.ascending(SEARCH_NAME)).limit(limit)
                .forEach(document -> found.add(profile(document)));
        return found;
    }

    /**
     * Records (or replaces) a member's personal data; durable when it returns. A replaced entry loses the member's
     * choice to show their name on credentials: a choice only the member makes, never carried over by someone else's
     * write.
     */
    public void save(MemberProfile profile) {
        Document before = entries.find(eq("_id", profile.memberId())).first();
        Document document = new Document("_id", profile.memberId())
                .append("labId", profile.labId())
                .append("displayName", profile.displayName())
                .append("email", profile.email())
                .append("birthYear", profile.birthYear())
                .append(SEARCH_NAME, searchable(profile.displayName()))
                .append(OTHER_LABS, before == null ? List.of() : before.getList(OTHER_LABS, String.class, List.of()));
        entries.replaceOne(eq("_id", profile.memberId()), document, new ReplaceOptions().upsert(true));
        storage.durability().awaitDurable();
    }

    public Optional<MemberProfile> find(String memberId) {
        Document document = entries.find(eq("_id", memberId)).first();
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(profile(document));
    }

    private static MemberProfile profile(Document document) {
        return new MemberProfile(document.getString("_id"), document.getString("labId"),
                                 document.getString("displayName"), document.getString("email"),
                                 document.getInteger("birthYear"), document.getDate("erasedAt") != null);
    }

    /**
     * Whether the member chose to show their name on their credentials, with the name that would be shown (none once
     * erased); empty for an unknown member.
     */
    public Optional<CredentialName> credentialName(String memberId) {
        Document document = entries.find(eq("_id", memberId)).first();
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(new CredentialName(Boolean.TRUE.equals(document.getBoolean(SHOW_NAME)),
                                              document.getString("displayName")));
    }

    /**
     * Records the member's choice to show their name on their credentials, or to stop; durable when it returns. False
     * when there was no such choice to make: the member is unknown or their personal data was erased (even a moment
     * ago, by a concurrent request: the write asks for an entry that is not erased).
     */
    public boolean chooseCredentialName(String memberId, boolean showName) {
        long matched = entries.updateOne(and(eq("_id", memberId), exists("erasedAt", false)),
                                         Updates.set(SHOW_NAME, showName)).getMatchedCount();
        storage.durability().awaitDurable();
        return matched == 1;
    }

    /**
     * Notes that the member joined another lab, so that its staff find them by name; the ledger, not this note, says
     * who the member's labs are, and joining again notes it again.
     */
    public void joined(String memberId, String labId) {
        entries.updateOne(eq("_id", memberId), Updates.addToSet(OTHER_LABS, labId));
        storage.durability().awaitDurable();
    }

    @Override
    public Optional<String> homeLabOf(String memberId) {
        return find(memberId).map(MemberProfile::labId);
    }

    /**
     * Erases the personal data, and with it the choice to show the name on credentials; the lab is kept so that staff
     * can still manage the (now anonymous) member.
     */
    public void erase(String memberId, String labId, Instant at) {
        entries.replaceOne(eq("_id", memberId),
                           new Document("_id", memberId).append("labId", labId).append("erasedAt", java.util.Date.from(at)),
                           new ReplaceOptions().upsert(true));
        storage.durability().awaitDurable();
    }
}
