package org.rightsregistry.server.access;

/** Renders the authorisation matrix of {@link Operation} as the README's Markdown table. */
public final class AccessMatrix {

  private AccessMatrix() {}

  /** One row per endpoint, one column per relation: allowed, 401, 403 or — (does not apply). */
  public static String markdown() {
    StringBuilder table = new StringBuilder("| endpoint | scope |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (Relation relation : Relation.values()) {
      table.append(' ').append(relation.label()).append(" |");
      rule.append("---|");
    }
    table.append('\n').append(rule).append('\n');
    for (Operation operation : Operation.values()) {
      table
          .append("| `")
          .append(operation.endpoint())
          .append("` | ")
          .append(operation.scope().map(Scope::id).orElse("none"))
          .append(" |");
      for (Relation relation : Relation.values()) {
        table.append(' ').append(cell(operation, relation)).append(" |");
      }
      table.append('\n');
    }
    return table.toString();
  }

  private static String cell(Operation operation, Relation relation) {
    if (!operation.applies(relation)) {
      return "—";
    }
    if (operation.allows(relation)) {
      return "allowed";
    }
    return relation == Relation.ANONYMOUS ? "401" : "403";
  }
}
