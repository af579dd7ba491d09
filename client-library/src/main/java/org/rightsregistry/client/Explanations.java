package org.rightsregistry.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Writes the one sentence that tells a person why a decision came out as it did. */
final class Explanations {

  private Explanations() {}

  static String of(Usage usage, Resolution resolution) {
    List<Bearing> decisive = resolution.decisive();
    StringBuilder out = new StringBuilder(256);
    switch (resolution.verdict()) {
      case DENY:
        statement(out, decisive.get(0), " reserved ", " for this item ");
        others(out, decisive, "as did");
        conflict(out, resolution);
        break;
      case LICENCE_REQUIRED:
        statement(out, decisive.get(0), " requires a licence for ", " of this item ");
        others(out, decisive, "as do");
        break;
      case ALLOW:
        if (!resolution.decisiveLicences().isEmpty()) {
          return licensed(resolution.decisiveLicences().get(0))
              + othersLicensed(resolution.decisiveLicences().size() - 1 + decisive.size())
              + ".";
        }
        statement(out, decisive.get(0), " allowed ", " for this item ");
        others(out, decisive, "as did");
        break;
      default:
        return "No registry statement bears on "
            + usage.id()
            + " or a broader category for this item.";
    }
    return out.append('.').toString();
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

  /** Appends "holder verb category what (declaration ..., selector[, declared by ...])". */
  private static void statement(StringBuilder out, Bearing bearing, String verb, String what) {
    Statement statement = bearing.statement();
    out.append(holder(bearing))
        .append(verb)
        .append(bearing.category().id())
        .append(what)
        .append("(declaration ")
        .append(statement.declarationId())
        .append(", ")
        .append(selector(statement.matched()));
    if (statement.rightsHolder() != null) {
      out.append(", declared by ").append(statement.declarant().displayName());
    }
    out.append(')');
  }

  private static String holder(Bearing bearing) {
    return bearing.statement().holder().displayName();
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

  private static void others(StringBuilder out, List<Bearing> decisive, String verb) {
    int count = decisive.size() - 1;
    if (count == 0) {
      return;
    }
    out.append(", ")
        .append(verb)
        .append(' ')
        .append(count)
        .append(" other rights holder")
        .append(count == 1 ? "" : "s");
  }

  private static void conflict(StringBuilder out, Resolution resolution) {
    List<Bearing> overridden = resolution.overridden();
    if (overridden.isEmpty() && !resolution.overriddenLicences().isEmpty()) {
      Agreement first = resolution.overriddenLicences().get(0).agreement();
      out.append("; a reservation outweighs the licence agreement ")
          .append(first.agreementId())
          .append(" by ")
          .append(first.licensor().displayName())
          .append(", which covers only its own rights");
      return;
    }
    if (overridden.isEmpty()) {
      return;
    }
    Bearing first = overridden.get(0);
    if (overridden.size() > 1) {
      out.append("; a reservation outweighs the differing statements of ")
          .append(holder(first))
          .append(" and ")
          .append(overridden.size() - 1)
          .append(" other rights holder")
          .append(overridden.size() == 2 ? "" : "s");
      return;
    }
    String what = first.effect() == Effect.ALLOWED ? "the allowance" : "the licence offer";
    out.append("; a reservation outweighs ").append(what).append(" by ").append(holder(first));
  }
}
