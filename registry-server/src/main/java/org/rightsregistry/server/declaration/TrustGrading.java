package org.rightsregistry.server.declaration;

import java.net.URI;
import java.util.List;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.server.party.PartyStanding;

/**
 * How sure the registry is that a declarant may make a declaration: the least sure of its subjects,
 * each graded as follows.
 *
 * <ul>
 *   <li>a URL, URL prefix or domain: self-asserted unless the declarant proved control of the host
 *       (or a domain above it); then domain-verified, or the declarant's own verification if an
 *       operator verified it as an institution or vouched for it;
 *   <li>an accession number of the declarant's own institution: its own verification, else
 *       domain-verified when it proved any domain, else self-asserted; another institution's
 *       accession number: self-asserted;
 *   <li>a content hash: the declarant's own verification, else self-asserted;
 *   <li>every work of a party: the declarant's own verification, else self-asserted. No domain
 *       proves it: the works are whatever the party's other declarations name, each graded on its
 *       own.
 * </ul>
 */
final class TrustGrading {

  private TrustGrading() {}

  static TrustLevel grade(List<Selector> subjects, PartyStanding declarant) {
    TrustLevel grade = TrustLevel.OPERATOR_VERIFIED;
    for (Selector subject : subjects) {
      TrustLevel level = gradeOf(subject, declarant);
      if (level.compareTo(grade) < 0) {
        grade = level;
      }
    }
    return grade;
  }

  private static TrustLevel gradeOf(Selector subject, PartyStanding declarant) {
    TrustLevel identity = declarant.verification();
    return switch (subject.type()) {
      case URL, URL_PREFIX ->
          controlled(URI.create(subject.value()).getHost(), declarant, identity);
      case DOMAIN -> controlled(subject.value(), declarant, identity);
      case ACCESSION ->
          !declarant.partyId().equals(subject.institution())
              ? TrustLevel.SELF_ASSERTED
              : identity != null
                  ? identity
                  : declarant.domains().isEmpty()
                      ? TrustLevel.SELF_ASSERTED
                      : TrustLevel.DOMAIN_VERIFIED;
      case SHA256, PARTY_WORKS -> identity != null ? identity : TrustLevel.SELF_ASSERTED;
    };
  }

  private static TrustLevel controlled(String host, PartyStanding declarant, TrustLevel identity) {
    if (host == null || !declarant.controls(host)) {
      return TrustLevel.SELF_ASSERTED;
    }
    return identity != null && identity.compareTo(TrustLevel.DOMAIN_VERIFIED) > 0
        ? identity
        : TrustLevel.DOMAIN_VERIFIED;
  }
}
