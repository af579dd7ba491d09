package org.rightsregistry.server.party;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.access.Credential;
import org.rightsregistry.server.access.Scope;
import org.rightsregistry.server.access.SecurityProperties;
import org.rightsregistry.server.access.Tokens;
import org.rightsregistry.server.audit.AuditTrail;
import org.rightsregistry.server.persistence.CredentialStore;
import org.rightsregistry.server.persistence.PartyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure the registry has an operator before it serves. With {@code
 * rightsregistry.security.operator-token} set, that token is the operator's credential. Without it,
 * the first start registers the operator and prints a new credential once to standard output (not
 * through the logging system, so no log file or log shipper keeps it); later starts print nothing.
 */
@Component
@Order(0)
public class OperatorBootstrap implements ApplicationRunner {

  /** The id of the operator party the registry creates. */
  public static final String OPERATOR_ID = "operator";

  private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

  private final PartyStore parties;
  private final CredentialStore credentials;
  private final PartyService partyService;
  private final AuditTrail audit;
  private final SecurityProperties security;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final PrintStream console = System.out;

  OperatorBootstrap(
      PartyStore parties,
      CredentialStore credentials,
      PartyService partyService,
      AuditTrail audit,
      SecurityProperties security,
      TransactionTemplate transaction,
      Clock clock) {
    this.parties = parties;
    this.credentials = credentials;
    this.partyService = partyService;
    this.audit = audit;
    this.security = security;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    String configured = security.operatorToken();
    if (configured != null && !configured.isBlank()) {
      transaction.executeWithoutResult(status -> acceptConfigured(configured.strip()));
      return;
    }
    Optional<IssuedToken> created = transaction.execute(status -> createOperatorOnce());
    created.ifPresent(this::showOnce);
  }

  private void acceptConfigured(String token) {
    Tokens.Parsed parsed =
        Tokens.parse(token)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "rightsregistry.security.operator-token must have the form "
                            + "rr_<12 hex digits>_<43 base64url characters>; generate one with "
                            + "a first start without it, or leave it unset"));
    registerOperator();
    Optional<Credential> stored = credentials.find(parsed.id());
    if (stored.isEmpty()) {
      credentials.insert(operatorCredential(parsed, "from configuration"));
      log.info("Accepted the configured operator credential {}", parsed.id());
    } else if (!stored.get().partyId().equals(OPERATOR_ID)
        || !Tokens.sameDigest(stored.get().secretSha256(), Tokens.digest(parsed.secret()))) {
      throw new IllegalStateException(
          "rightsregistry.security.operator-token clashes with credential "
              + parsed.id()
              + " the registry holds; configure another token");
    }
  }

  private Optional<IssuedToken> createOperatorOnce() {
    if (parties.anyOperator()) {
      return Optional.empty();
    }
    registerOperator();
    Tokens.Parsed token = Tokens.generate();
    Credential credential = operatorCredential(token, "created on first start");
    credentials.insert(credential);
    audit.record(internal(), null, "token.issued", credential.id(), "first start");
    return Optional.of(new IssuedToken(credential, token.token()));
  }

  private void registerOperator() {
    partyService.registerIfAbsent(OPERATOR_ID, "Registry operator", PartyRole.OPERATOR, internal());
  }

  private Credential operatorCredential(Tokens.Parsed token, String label) {
    return new Credential(
        token.id(),
        OPERATOR_ID,
        Tokens.digest(token.secret()),
        EnumSet.allOf(Scope.class),
        label,
        security.requestsPerMinute(),
        Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
        null,
        null);
  }

  private void showOnce(IssuedToken issued) {
    console.println();
    console.println("================================================================");
    console.println(" Rights Registry: the operator's credential, shown this once only.");
    console.println(" Keep it safe: it can register parties and verify and suspend them.");
    console.println();
    console.println("   Authorization: Bearer " + issued.token());
    console.println();
    console.println(" Lost it? Set rightsregistry.security.operator-token instead.");
    console.println("================================================================");
    console.println();
    log.info("Registered the operator party with credential {}", issued.credential().id());
  }

  private static Caller internal() {
    return Caller.internal(OPERATOR_ID, true, "startup");
  }
}
