package org.rightsregistry.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The decisions for a registry that could not be checked: unreachable, or a snapshot older than its
 * freshness bound. Everything that was read stays as evidence, none of it decisive.
 */
final class FailClosed {

  private FailClosed() {}

  static Decision unreachable(DecisionRequest request) {
    List<Signal> signals = request.signals();
    List<Usage> bearing = SignalResolution.bearing(request.usage(), signals);
    List<Evidence> evidence = new ArrayList<>(signals.size());
    for (int i = 0; i < signals.size(); i++) {
      Usage category = bearing.get(i);
      Effect effect = category == null ? null : signals.get(i).usages().get(category);
      evidence.add(Evidence.ofSignal(signals.get(i), category, effect, false));
    }
    return new Decision(
        request.item(),
        request.usage(),
        request.failClosed(),
        Decision.RULE_REGISTRY_UNREACHABLE,
        Explanations.registryUnreachable(
            request.registry().unreachableReason(), request.failClosed()),
        false,
        OptionalLong.empty(),
        Map.of(),
        evidence);
  }

  static Decision stale(DecisionRequest request, Decision decided) {
    List<Evidence> evidence = new ArrayList<>(decided.evidence());
    evidence.replaceAll(SignalResolution::notDecisive);
    return new Decision(
        decided.item(),
        decided.usage(),
        request.failClosed(),
        Decision.RULE_SNAPSHOT_STALE,
        Explanations.snapshotStale(request.registry(), request.at(), request.failClosed()),
        false,
        decided.registrySequence(),
        decided.categories(),
        evidence);
  }
}
