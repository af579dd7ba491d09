package org.rightsregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Registers parties and issues their credentials through the API, as the operator. */
public final class TestParties {

  /** The operator credential the test configuration accepts (application-test.yaml). */
  public static final String OPERATOR_TOKEN =
      "rr_0123456789ab_TESTONLYtestonlyTESTONLYtestonlyTESTONLYtes";

  private static final Map<String, String> tokens = new ConcurrentHashMap<>();

  private TestParties() {}

  /** The operator's client. */
  public static RegistryHttp operator(int port) {
    return new RegistryHttp(port).as(OPERATOR_TOKEN);
  }

  /** A credential with every scope for a party, registered (as a creator) if need be. */
  public static String token(int port, String partyId) {
    return tokens.computeIfAbsent(
        port + " " + partyId,
        key -> {
          register(port, partyId, "creator");
          return issue(port, partyId, "read", "declare", "revoke", "administer");
        });
  }

  /** Registers a party unless it exists. */
  public static void register(int port, String partyId, String role) {
    RegistryHttp.Response created =
        operator(port)
            .postJson(
                "/v1/parties",
                "{\"id\": \"%s\", \"name\": \"Party %s\", \"role\": \"%s\"}"
                    .formatted(partyId, partyId, role));
    assertThat(created.status()).as(created.body()).isIn(201, 409);
  }

  /** A new party with a unique id. */
  public static String newParty(int port, String role) {
    String id = "party-" + UUID.randomUUID().toString().substring(0, 13);
    register(port, id, role);
    return id;
  }

  /** Issues a credential with the scopes, as the operator. */
  public static String issue(int port, String partyId, String... scopes) {
    RegistryHttp.Response issued =
        operator(port)
            .postJson(
                "/v1/parties/" + partyId + "/tokens",
                "{\"scopes\": [\"" + String.join("\", \"", scopes) + "\"]}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    return issued.json().get("token").asString();
  }
}
