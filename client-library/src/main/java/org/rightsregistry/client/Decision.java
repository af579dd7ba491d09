package org.rightsregistry.client;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The answer for one item and one usage, with the reasons.
 *
 * @param item the item as it was asked about
 * @param usage the usage asked about
 * @param verdict the answer
 * @param rule the rule that decided: {@code reservation}, {@code reservation-conflict}, {@code
 *     licence-required}, {@code allowed}, {@code no-statement}, {@code registry-unreachable},
 *     {@code signal-reservation}, {@code signal-unreadable}, {@code signal-allowed}, {@code
 *     licensed}, {@code policy-default} or {@code snapshot-stale}
 * @param explanation one sentence for people that names who decided and through which selector
 * @param conflict true if rights holders disagreed and a reservation won
 * @param registrySequence the registry state the decision was made against; empty when the registry
 *     could not be checked
 * @param categories the effective effect for the usage and for each broader category that some
 *     statement names
 * @param evidence every statement considered, in the order the engine was given them
 */
public record Decision(
    Item item,
    Usage usage,
    Verdict verdict,
    String rule,
    String explanation,
    boolean conflict,
    OptionalLong registrySequence,
    Map<Usage, Effect> categories,
    List<Evidence> evidence) {

  /** Rule: a rights holder reserved the use. */
  public static final String RULE_RESERVATION = "reservation";

  /** Rule: a rights holder reserved the use although another allowed it or offered a licence. */
  public static final String RULE_RESERVATION_CONFLICT = "reservation-conflict";

  /** Rule: no holder reserved the use and at least one requires a licence. */
  public static final String RULE_LICENCE_REQUIRED = "licence-required";

  /** Rule: every holder with a bearing statement allowed the use. */
  public static final String RULE_ALLOWED = "allowed";

  /**
   * Rule: a licence agreement granted to the requester replaced its licensor's reservation or
   * licence requirement, and no other holder reserved the use or required a licence.
   */
  public static final String RULE_LICENSED = "licensed";

  /** Rule: nothing counted bears on the usage, and the policy profile gives the verdict. */
  public static final String RULE_POLICY_DEFAULT = "policy-default";

  /** Rule: the registry snapshot is older than its freshness bound: fail closed. */
  public static final String RULE_SNAPSHOT_STALE = "snapshot-stale";

  /** Rule: no statement bears on the usage. */
  public static final String RULE_NO_STATEMENT = "no-statement";

  /** Rule: no registry holder reserved the use, and an in-band signal did. */
  public static final String RULE_SIGNAL_RESERVATION = "signal-reservation";

  /** Rule: nothing reserved the use and an in-band signal could not be read: fail closed. */
  public static final String RULE_SIGNAL_UNREADABLE = "signal-unreadable";

  /** Rule: the registry said nothing and an in-band signal allowed the use. */
  public static final String RULE_SIGNAL_ALLOWED = "signal-allowed";

  /** Rule: the registry could not be checked, so the configured fail-closed verdict applies. */
  public static final String RULE_REGISTRY_UNREACHABLE = "registry-unreachable";

  /**
   * Creates a decision; the categories and evidence are copied.
   *
   * @param item the item as it was asked about
   * @param usage the usage asked about
   * @param verdict the answer
   * @param rule the rule that decided: {@code reservation}, {@code reservation-conflict}, {@code
   *     licence-required}, {@code allowed}, {@code no-statement} or {@code registry-unreachable}
   * @param explanation one sentence for people that names who decided and through which selector
   * @param conflict true if rights holders disagreed and a reservation won
   * @param registrySequence the registry state the decision was made against; empty when the
   *     registry could not be checked
   * @param categories the effective effect for the usage and for each broader category that some
   *     statement names
   * @param evidence every statement considered, in the order the engine was given them
   * @throws IllegalArgumentException if a component is missing
   */
  public Decision {
    Checks.requireValue("item", item);
    Checks.requireValue("usage", usage);
    Checks.requireValue("verdict", verdict);
    Checks.requireText("rule", rule);
    Checks.requireText("explanation", explanation);
    Checks.requireValue("registrySequence", registrySequence);
    categories = UsageMaps.copyOf(Checks.requireValue("categories", categories));
    evidence = List.copyOf(Checks.requireValue("evidence", evidence));
  }
}
