package org.rightsregistry.server.party;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.server.ConflictException;
import org.rightsregistry.server.GoneException;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.NotFoundException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.AccessPolicy;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.access.Operation;
import org.rightsregistry.server.access.Tokens;
import org.rightsregistry.server.audit.AuditTrail;
import org.rightsregistry.server.persistence.PartyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof of control of a domain: the registry hands the party a random value, the party places it at
 * {@code http://<domain>/.well-known/rights-registry-challenge/<value>} or in a TXT record at
 * {@code _rights-registry-challenge.<domain>}, and the registry looks. A challenge proves control
 * once and expires; the verified domain is recorded with when and how.
 */
@Service
public class DomainVerificationService {

  static final String WELL_KNOWN = "/.well-known/rights-registry-challenge/";
  static final String TXT_NAME = "_rights-registry-challenge.";
  static final String TXT_PREFIX = "rights-registry-challenge=";
  private static final Logger log = LoggerFactory.getLogger(DomainVerificationService.class);

  private final PartyStore parties;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final ChallengeFetcher fetcher;
  private final TxtResolver resolver;
  private final DomainVerificationProperties properties;
  private final Clock clock;

  DomainVerificationService(
      PartyStore parties,
      AccessPolicy policy,
      AuditTrail audit,
      ObjectProvider<ChallengeFetcher> fetcher,
      ObjectProvider<TxtResolver> resolver,
      DomainVerificationProperties properties,
      Clock clock) {
    this.parties = parties;
    this.policy = policy;
    this.audit = audit;
    this.fetcher = fetcher.getIfAvailable(PublicHttpChallengeFetcher::standard);
    this.resolver = resolver.getIfAvailable(JndiTxtResolver::new);
    this.properties = properties;
    this.clock = clock;
  }

  /** Starts a challenge for a domain, by {@code http} or {@code dns}. */
  @Transactional
  public DomainChallenge start(String partyId, String domain, String method, Caller caller) {
    requireParty(partyId);
    policy.require(
        Operation.START_DOMAIN_CHALLENGE, caller, policy.towardsParty(caller, partyId, null), "id");
    String host = checkedDomain(domain);
    Instant now = now();
    DomainChallenge challenge =
        new DomainChallenge(
            UUID.randomUUID(),
            partyId,
            host,
            method,
            Tokens.challengeValue(),
            now,
            now.plus(properties.challengeLifetime()),
            null);
    parties.insertChallenge(challenge);
    audit.record(caller, partyId, "domain.challenge-started", challenge.id().toString(), host);
    return challenge;
  }

  /**
   * Looks for the challenge on its domain and, when it is there, records the domain as verified. A
   * used, expired or failed challenge changes nothing.
   */
  @Transactional
  public DomainChallenge verify(String partyId, UUID challengeId, Caller caller) {
    requireParty(partyId);
    policy.require(
        Operation.VERIFY_DOMAIN_CHALLENGE,
        caller,
        policy.towardsParty(caller, partyId, null),
        "id");
    DomainChallenge challenge =
        parties
            .findChallengeForUpdate(challengeId)
            .filter(found -> found.partyId().equals(partyId))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Party " + partyId + " has no domain challenge " + challengeId));
    Instant now = now();
    if (challenge.verifiedAt() != null) {
      throw new ConflictException(
          "challenge-used",
          "This challenge was used at " + challenge.verifiedAt() + "; start a new one");
    }
    if (!challenge.expiresAt().isAfter(now)) {
      throw new GoneException(
          "challenge-expired",
          "This challenge expired at " + challenge.expiresAt() + "; start a new one");
    }
    String failure = lookFor(challenge);
    if (failure != null) {
      throw new ConflictException("challenge-failed", failure);
    }
    parties.markChallengeVerified(challengeId, now);
    parties.addIdentifier(partyId, "domain", challenge.domain(), challenge.method(), now);
    audit.record(
        caller, partyId, "domain.verified", challenge.domain(), "by " + challenge.method());
    log.info(
        "Party {} proved control of {} by {}", partyId, challenge.domain(), challenge.method());
    return parties.findChallengeForUpdate(challengeId).orElseThrow();
  }

  /** Null when the challenge value is in place, else what was found instead. */
  private String lookFor(DomainChallenge challenge) {
    try {
      if (challenge.method().equals("http")) {
        String body = fetcher.fetch(challenge.domain(), WELL_KNOWN + challenge.token());
        return body.strip().equals(challenge.token())
            ? null
            : "http://" + challenge.domain() + WELL_KNOWN + "… does not hold the challenge value";
      }
      List<String> records = resolver.txt(TXT_NAME + challenge.domain());
      return records.stream().anyMatch(r -> r.strip().equals(TXT_PREFIX + challenge.token()))
          ? null
          : "No TXT record at " + TXT_NAME + challenge.domain() + " holds the challenge value";
    } catch (IOException e) {
      return "The challenge could not be checked: " + e.getMessage();
    }
  }

  private static String checkedDomain(String domain) {
    String host;
    try {
      host = UrlIdentity.normaliseHost(domain);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(new Violation("/domain", e.getMessage()));
    }
    if (!host.contains(".") || host.startsWith("[") || host.matches("[0-9.]+")) {
      throw new InvalidRequestException(
          new Violation(
              "/domain",
              "domain must be a registered domain name such as example.org, not '" + domain + "'"));
    }
    return host;
  }

  private void requireParty(String partyId) {
    if (parties.find(partyId).isEmpty()) {
      throw new NotFoundException("No party has the id " + partyId);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
