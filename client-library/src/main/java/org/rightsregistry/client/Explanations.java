package org.rightsregistry.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Writes the one sentence that tells a person why a decision came out as it did. */
final class Explanations {

  private Explanations() {}

  static String of(Usage usage, Resolution resolution) {
    List<Bearing> decisive = resolution.decisive();
    switch (resolution.verdict()) {
      case DENY:
        return reserved(decisive.get(0)) + others(decisive, "as did") + conflict(resolution) + ".";
      case LICENCE_REQUIRED:
        return licenceRequired(decisive.get(0)) + others(decisive, "as do") + ".";
      case ALLOW:
        if (!resolution.decisiveLicences().isEmpty()) {
          return licensed(resolution.decisiveLicences().get(0))
              + othersLicensed(resolution.decisiveLicences().size() - 1 + decisive.size())
              + ".";
        }
        return allowed(decisive.get(0)) + others(decisive, "as did") + ".";
      default:
        return "No registry statement bears on "
            + usage.id()
            + " or a broader category for this item.";
    }
  }

  static String registryUnreachable(URI registry, Instant at, String reason, Verdict verdict) {
    return "The registry at "
        + registry
        + " could not be checked at "
        + at
        + " ("
        + reason
        + "), so the item is treated as "
        + verdict
        + " until it can be.";
  }

  static String registryUnreachable(String reason, Verdict verdict) {
    return "The registry could not be checked ("
        + reason
        + "), so the item is treated as "
        + verdict
        + " until it can be.";
  }

  static String snapshotStale(RegistryState registry, Instant at, Verdict verdict) {
    return "The registry snapshot at sequence "
        + registry.sequence()
        + " is stale: it was taken at "
        + registry.snapshotAt()
        + ", older at "
        + at
        + " than its freshness bound of "
        + registry.freshness()
        + ", so the item is treated as "
        + verdict
        + " until the snapshot is refreshed.";
  }

  static String profileDefault(Usage usage, PolicyProfile profile, Verdict verdict) {
    return "Nothing that the "
        + profile.id()
        + " profile counts bears on "
        + usage.id()
        + " or a broader category for this item, and that profile reads this as "
        + verdict
        + ".";
  }

  private static String licensed(Licence licence) {
    Agreement agreement = licence.agreement();
    return agreement.licensor().displayName()
        + " licensed "
        + licence.category().id()
        + " of this item to "
        + agreement.licensee().displayName()
        + " (agreement "
        + agreement.agreementId()
        + ", "
        + selector(agreement.matched())
        + ")";
  }

  private static String othersLicensed(int count) {
    if (count == 0) {
      return "";
    }
    return ", and " + count + " other rights holder" + (count == 1 ? "" : "s") + " agreed";
  }

  private static String reserved(Bearing bearing) {
    return holder(bearing)
        + " reserved "
        + bearing.category().id()
        + " for this item "
        + source(bearing);
  }

  private static String licenceRequired(Bearing bearing) {
    return holder(bearing)
        + " requires a licence for "
        + bearing.category().id()
        + " of this item "
        + source(bearing);
  }

  private static String allowed(Bearing bearing) {
    return holder(bearing)
        + " allowed "
        + bearing.category().id()
        + " for this item "
        + source(bearing);
  }

  private static String holder(Bearing bearing) {
    return bearing.statement().holder().displayName();
  }

  private static String source(Bearing bearing) {
    Statement statement = bearing.statement();
    String declaredBy =
        statement.rightsHolder() == null
            ? ""
            : ", declared by " + statement.declarant().displayName();
    return "(declaration "
        + statement.declarationId()
        + ", "
        + selector(statement.matched())
        + declaredBy
        + ")";
  }

  private static String selector(Selector matched) {
    switch (matched.type()) {
      case URL:
        return "exact URL";
      case SHA256:
        return "content hash";
      case ACCESSION:
        return "accession number " + matched.value() + " of " + matched.institution();
      case URL_PREFIX:
        return "URL prefix " + matched.value();
      case PARTY_WORKS:
        return "all works of " + matched.value();
      default:
        return "domain " + matched.value();
    }
  }

  private static String others(List<Bearing> decisive, String verb) {
    int count = decisive.size() - 1;
    if (count == 0) {
      return "";
    }
    return ", " + verb + " " + count + " other rights holder" + (count == 1 ? "" : "s");
  }

  private static String conflict(Resolution resolution) {
    List<Bearing> overridden = resolution.overridden();
    if (overridden.isEmpty() && !resolution.overriddenLicences().isEmpty()) {
      Agreement first = resolution.overriddenLicences().get(0).agreement();
      return "; a reservation outweighs the licence agreement "
          + first.agreementId()
          + " by "
          + first.licensor().displayName()
          + ", which covers only its own rights";
    }
    if (overridden.isEmpty()) {
      return "";
    }
    Bearing first = overridden.get(0);
    if (overridden.size() > 1) {
      return "; a reservation outweighs the differing statements of "
          + holder(first)
          + " and "
          + (overridden.size() - 1)
          + " other rights holder"
          + (overridden.size() == 2 ? "" : "s");
    }
    String what = first.effect() == Effect.ALLOWED ? "the allowance" : "the licence offer";
    return "; a reservation outweighs " + what + " by " + holder(first);
  }
}
