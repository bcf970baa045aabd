package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.EnumSet;
import org.bson.Document;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.AuthFailures.Kind;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.LedgerStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Makes sure the instance gets its first PLATFORM_ADMIN, exactly once. At start, while there is none: from
 * {@link BootstrapProperties} when configured, otherwise through a one-time setup token written to the log for
 * {@code POST /api/setup}. A new token is drawn at every start until setup is done, so a token from an older log is
 * worthless.
 *
 * <p>The state lives in one document of the {@code setup} collection: {@code open} with the token's hash, then
 * {@code done} with the administrator's name. The switch from one to the other is a single conditional update, so
 * two setup requests racing with the right token create one administrator.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    static final String COLLECTION = "setup";
    static final String STATE_ID = "first-administrator";
    private static final String OPEN = "open";
    private static final String DONE = "done";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final MongoCollection<Document> setup;
    private final DurabilityBarrier durability;
    private final Accounts accounts;
    private final BootstrapProperties bootstrap;
    private final AuthFailures failures;

    FirstAdministrator(LedgerStorage storage, Accounts accounts, BootstrapProperties bootstrap,
                       AuthFailures failures) {
        this.setup = storage.database().getCollection(COLLECTION);
        this.durability = storage.durability();
        this.accounts = accounts;
        this.bootstrap = bootstrap;
        this.failures = failures;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (isDone()) {
            if (bootstrap.configured()) {
                log.info("ledger.bootstrap.* ignored: this instance has its first administrator");
            }
            return;
        }
        if (bootstrap.configured()) {
            createFromConfiguration();
        } else {
            openSetup();
        }
    }

    /**
     * Creates the first administrator with the setup token of the latest start; then the setup is over for good.
     *
     * @throws NotFound             when no setup is open: an administrator exists
     * @throws ErrorResponseException (403) when the token is not the current one
     */
    Account complete(String setupToken, String username, String password) {
        Document state = setup.find(eq("_id", STATE_ID)).first();
        if (state == null || !OPEN.equals(state.getString("state"))) {
            throw new NotFound("no setup is pending: this instance has its administrator");
        }
        String hash = Secrets.hash(setupToken);
        if (!Secrets.sameHash(hash, state.getString("tokenHash"))) {
            failures.count(Kind.INVALID_SETUP_TOKEN);
            throw AuthProblem.invalidSetupToken();
        }
        Account.Spec spec = new Account.Spec(username, EnumSet.of(Role.PLATFORM_ADMIN), null, null, null);
        Accounts.requireAcceptablePassword(password);
        Document claimed = setup.findOneAndUpdate(
                and(eq("_id", STATE_ID), eq("state", OPEN), eq("tokenHash", hash)),
                Updates.combine(Updates.set("state", DONE), Updates.unset("tokenHash"),
                                Updates.set("administrator", spec.username()), Updates.set("via", "setup-token"),
                                Updates.set("completedAt", new Date())));
        if (claimed == null) {
            throw new NotFound("no setup is pending: this instance has its administrator");
        }
        try {
            Account account = accounts.create(spec, password);
            log.warn("First administrator '{}' created with the setup token; POST /api/setup is closed for good",
                     account.username());
            return account;
        } catch (RuntimeException e) {
            // Reopen with the same token, so that the person holding it can try again.
            setup.replaceOne(eq("_id", STATE_ID), openState(hash));
            throw e;
        }
    }

    private boolean isDone() {
        Document state = setup.find(eq("_id", STATE_ID)).first();
        return state != null && DONE.equals(state.getString("state"));
    }

    private void createFromConfiguration() {
        Account.Spec spec;
        try {
            spec = new Account.Spec(bootstrap.adminUsername(), EnumSet.of(Role.PLATFORM_ADMIN), null, null, null);
            Accounts.requireAcceptablePassword(bootstrap.adminPassword());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger.bootstrap: " + e.getMessage(), e);
        }
        try {
            accounts.create(spec, bootstrap.adminPassword());
        } catch (ErrorResponseException taken) {
            // Created by an earlier start that stopped before recording it; anything else must not be promoted.
            boolean admin = accounts.find(spec.username())
                    .map(account -> account.roles().contains(Role.PLATFORM_ADMIN))
                    .orElse(false);
            if (!admin) {
                throw new IllegalStateException("ledger.bootstrap.admin-username '" + spec.username()
                                                + "' names an existing account that is not a PLATFORM_ADMIN", taken);
            }
        }
        setup.replaceOne(eq("_id", STATE_ID),
                         new Document("_id", STATE_ID).append("state", DONE)
                                 .append("administrator", spec.username())
                                 .append("via", "configuration")
                                 .append("completedAt", new Date()),
                         new ReplaceOptions().upsert(true));
        durability.awaitDurable();
        log.info("First administrator '{}' created from ledger.bootstrap.admin-username", spec.username());
    }

    private void openSetup() {
        String token = Secrets.randomToken();
        setup.replaceOne(eq("_id", STATE_ID), openState(Secrets.hash(token)), new ReplaceOptions().upsert(true));
        durability.awaitDurable();
        log.warn("""
                         First start: create the first administrator with POST /api/setup {setupToken, username, \
                         password}, for example
                             curl -X POST -H 'Content-Type: application/json' \
                         -d '{"setupToken":"{}","username":"admin","password":"<12 characters or more>"}' \
                         http://<this host>/api/setup
                         The setup token works once, and only until the next start, which draws a new one.
                             setup token: {}""",
                 token, token);
    }

    private static Document openState(String tokenHash) {
        return new Document("_id", STATE_ID).append("state", OPEN).append("tokenHash", tokenHash)
                .append("openedAt", new Date());
    }
}
