package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.makerspace.api.security.AuthFailures.Kind;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.LedgerStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The {@code accounts} collection: creating accounts, checking passwords and changing them. Every read is a lookup of
 * the lowercased username, the {@code _id}; every write is durable before it is acknowledged.
 */
@Component
public class Accounts {

    static final String COLLECTION = "accounts";
    static final int MIN_PASSWORD_LENGTH = 12;
    /** Long enough for any passphrase, short enough that nobody makes the server hash megabytes. */
    static final int MAX_PASSWORD_LENGTH = 256;

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final Set<Role> LAB_ADMIN_MAY_CREATE = EnumSet.of(Role.LAB_ADMIN, Role.TRAINER, Role.LEARNER);

    private final MongoCollection<Document> accounts;
    private final DurabilityBarrier durability;
    private final PasswordEncoder passwordEncoder;
    private final AuthFailures failures;
    private final MemberHomes memberHomes;
    private final TrainerRoster trainers;
    /** Checked against when the username is unknown, so that an unknown user costs as much time as a wrong password. */
    private final String decoyHash;

    Accounts(LedgerStorage storage, PasswordEncoder passwordEncoder, AuthFailures failures, MemberHomes memberHomes,
             TrainerRoster trainers) {
        this.memberHomes = memberHomes;
        this.trainers = trainers;
        this.accounts = storage.database().getCollection(COLLECTION);
        this.durability = storage.durability();
        this.passwordEncoder = passwordEncoder;
        this.failures = failures;
        this.decoyHash = passwordEncoder.encode(Secrets.randomToken());
    }

    Optional<Account> find(String username) {
        Document document = accounts.find(eq("_id", Account.normalise(username))).first();
        if (document != null && document.getString("accountId") == null) {
            document = withAccountId(document);
        }
        return Optional.ofNullable(document).map(Account::fromDocument);
    }

    /**
     * Accounts created before they had an id get one the first time they are read; only if none was set meanwhile,
     * so that two nodes reading at once agree on the one that was written first.
     */
    private Document withAccountId(Document document) {
        accounts.updateOne(Filters.and(eq("_id", document.getString("_id")), Filters.exists("accountId", false)),
                           Updates.set("accountId", Account.newAccountId()));
        durability.awaitDurable();
        return accounts.find(eq("_id", document.getString("_id"))).first();
    }

    /**
     * Creates an account on behalf of {@code creator}: a PLATFORM_ADMIN may create any account, a LAB_ADMIN only
     * LAB_ADMIN, TRAINER and LEARNER accounts of their own lab.
     */
    Account create(Caller creator, Account.Spec spec, String password) {
        requireMayCreate(creator, spec);
        requireMemberOfTheLab(spec);
        requireTrainerOfTheLab(spec);
        Account account = create(spec, password);
        log.info("Account '{}' ({}) created by '{}'", account.username(), account.roles(), creator.username());
        return account;
    }

    /**
     * Creates an account on behalf of {@code creator}, with the checks of {@code POST /api/accounts}: for code that
     * provisions accounts itself, such as the demo data. Which scopes are required depends on the roles.
     *
     * @return the account's username, lowercased
     * @throws IllegalArgumentException when the username, a scope or the password is not acceptable
     * @throws org.springframework.web.ErrorResponseException (409) when the username is taken
     */
    public String create(Caller creator, String username, Set<Role> roles, String labId, String trainerId,
                         String memberId, String password) {
        return create(creator, new Account.Spec(username, roles, labId, trainerId, memberId), password).username();
    }

    /** Creates an account without asking who wants it: for the first administrator. */
    Account create(Account.Spec spec, String password) {
        requireAcceptablePassword(password);
        Instant now = now();
        Account account = new Account(spec.username(), Account.newAccountId(), passwordEncoder.encode(password),
                                      spec.roles(), spec.labId(),
                                      spec.trainerId(), spec.memberId(), now, now);
        try {
            accounts.insertOne(account.toDocument());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw AuthProblem.usernameTaken(spec.username());
            }
            throw e;
        }
        durability.awaitDurable();
        return account;
    }

    /** The account whose password this is; empty, and counted, when the username is unknown or the password wrong. */
    Optional<Account> authenticate(String username, String password) {
        Optional<Account> account = find(username);
        if (account.isEmpty()) {
            passwordEncoder.matches(password, decoyHash);
            failures.count(Kind.UNKNOWN_USER);
            return Optional.empty();
        }
        if (!passwordEncoder.matches(password, account.get().passwordHash())) {
            failures.count(Kind.WRONG_PASSWORD);
            return Optional.empty();
        }
        return account;
    }

    /**
     * Changes the caller's password once the current one is proven; access tokens issued before are no longer
     * accepted from then on.
     */
    Account changePassword(Caller caller, String currentPassword, String newPassword) {
        if (caller.has(Role.MACHINE)) {
            throw new AccessDeniedException("a machine has a key, not a password");
        }
        Account account = find(caller.username())
                .orElseThrow(() -> new AccessDeniedException("account '" + caller.username() + "' no longer exists"));
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            failures.count(Kind.WRONG_CURRENT_PASSWORD);
            throw AuthProblem.wrongCurrentPassword();
        }
        requireAcceptablePassword(newPassword);
        Instant now = now();
        String hash = passwordEncoder.encode(newPassword);
        accounts.updateOne(eq("_id", account.username()),
                           Updates.combine(Updates.set("passwordHash", hash),
                                           Updates.set("credentialsChangedAt", Date.from(now))));
        durability.awaitDurable();
        log.info("Password of '{}' changed", account.username());
        return new Account(account.username(), account.accountId(), hash, account.roles(), account.labId(), account.trainerId(),
                           account.memberId(), account.createdAt(), now);
    }

    static void requireAcceptablePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static void requireMayCreate(Caller creator, Account.Spec spec) {
        if (creator.isPlatformAdmin()) {
            return;
        }
        if (!creator.has(Role.LAB_ADMIN)) {
            throw new AccessDeniedException("creating accounts requires PLATFORM_ADMIN or LAB_ADMIN");
        }
        if (!LAB_ADMIN_MAY_CREATE.containsAll(spec.roles())) {
            throw new AccessDeniedException("a LAB_ADMIN creates LAB_ADMIN, TRAINER and LEARNER accounts only");
        }
        if (!creator.labId().equals(spec.labId())) {
            throw new AccessDeniedException("a LAB_ADMIN creates accounts of lab " + creator.labId() + " only");
        }
    }

    /**
     * A learner account reads and erases its member's personal data: it must be bound to a member of the very lab
     * it is created for, or one lab's admin could read another lab's learners.
     */
    private void requireMemberOfTheLab(Account.Spec spec) {
        if (spec.memberId() == null) {
            return;
        }
        String home = memberHomes.homeLabOf(spec.memberId())
                .orElseThrow(() -> new IllegalArgumentException("memberId " + spec.memberId() + " is not a registered member"));
        if (!home.equals(spec.labId())) {
            throw new AccessDeniedException("member " + spec.memberId() + " belongs to another lab than " + spec.labId());
        }
    }

    /**
     * A trainer account records trainings and certifications in its trainer's name: it must be bound to a trainer the
     * very lab it is created for registered, or one lab's admin could sign as another lab's trainer.
     */
    private void requireTrainerOfTheLab(Account.Spec spec) {
        if (spec.trainerId() != null && !trainers.isTrainerOf(spec.labId(), spec.trainerId())) {
            throw new AccessDeniedException("trainer " + spec.trainerId() + " is not a trainer of lab " + spec.labId()
                                            + ": the lab registers the trainer first (POST /api/labs/" + spec.labId()
                                            + "/trainers)");
        }
    }

    /** Stored dates have millisecond precision; so do the instants we hand out, so both always agree. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
