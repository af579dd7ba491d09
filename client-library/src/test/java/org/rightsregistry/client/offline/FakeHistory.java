package org.rightsregistry.client.offline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registry's history in memory, generated at random, served on a loopback port as {@code GET
 * /v1/snapshot} and {@code GET /v1/changes} the way the registry serves them: snapshots in the
 * client's format, change pages with a {@code Content-Digest}. The bearer token {@code lab-token}
 * reads as the party {@code lab}, the licensee of the history's agreements.
 */
final class FakeHistory implements AutoCloseable {

  static final String LAB = "lab";
  static final String LAB_TOKEN = "lab-token";
  static final String OTHER = "other";
  static final String OTHER_TOKEN = "other-token";
  static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<Party> HOLDERS =
      List.of(new Party("dacs", "DACS"), new Party("tate", "Tate"), new Party("maker", null));

  /** One numbered change. */
  record Event(
      long sequence,
      String kind,
      String id,
      Instant recordedAt,
      SnapshotDeclaration declaration,
      SnapshotAgreement agreement) {}

  final List<Event> events = new ArrayList<>();
  final List<String> hosts = List.of("a.example", "b.example", "img.c.example");
  private final Random random;
  private final Map<String, SnapshotDeclaration> active = new LinkedHashMap<>();
  private final Map<String, SnapshotAgreement> agreements = new LinkedHashMap<>();
  private HttpServer server;
  private ExecutorService executor;
  final AtomicInteger snapshotRequests = new AtomicInteger();
  final AtomicInteger pageRequests = new AtomicInteger();
  volatile UnaryOperator<byte[]> damagePage = UnaryOperator.identity();
  volatile UnaryOperator<byte[]> damageSnapshot = UnaryOperator.identity();
  volatile boolean down;
  volatile long snapshotAt = -1;
  volatile boolean refuseChanges;

  /** Forgets the changes after a sequence: a registry restored from an older backup. */
  synchronized void forgetAfter(long sequence) {
    events.subList((int) sequence, events.size()).clear();
  }

  FakeHistory(long seed) {
    this.random = new Random(seed);
  }

  long head() {
    return events.size();
  }

  Instant clock() {
    return START.plusSeconds(events.size() * 10L + 5);
  }

  /**
   * Appends random changes: creations of every selector type, revocations, supersessions, licences,
   * and now and then the suspension of a holder.
   */
  synchronized void write(int count) {
    for (int i = 0; i < count; i++) {
      int choice = random.nextInt(10);
      List<String> ids = new ArrayList<>(active.keySet());
      if (choice < 2 && !ids.isEmpty()) {
        String id = ids.get(random.nextInt(ids.size()));
        active.remove(id);
        add("revoked", id, null, null);
      } else if (choice < 3 && !ids.isEmpty()) {
        String id = ids.get(random.nextInt(ids.size()));
        SnapshotDeclaration successor = declaration(head() + 1);
        active.put(successor.id(), successor);
        add("created", successor.id(), successor, null);
        active.remove(id);
        add("superseded", id, null, null);
      } else if (choice < 4) {
        SnapshotAgreement agreement = agreement(head() + 1, random.nextInt(4) == 0 ? OTHER : LAB);
        agreements.put(agreement.id(), agreement);
        add("licence-granted", agreement.id(), null, agreement);
      } else if (choice < 5 && !agreements.isEmpty()) {
        List<String> granted = new ArrayList<>(agreements.keySet());
        String id = granted.get(random.nextInt(granted.size()));
        agreements.remove(id);
        add("licence-revoked", id, null, null);
      } else if (choice == 5 && random.nextInt(40) == 0) {
        Party holder = HOLDERS.get(random.nextInt(HOLDERS.size()));
        if (!suspendedAt(head()).contains(holder.id())) {
          add("party-suspended", holder.id(), null, null);
        }
      } else {
        SnapshotDeclaration created = declaration(head() + 1);
        active.put(created.id(), created);
        add("created", created.id(), created, null);
      }
    }
  }

  /** Appends an operator's suspension of a party. */
  synchronized void suspend(String party) {
    add("party-suspended", party, null, null);
  }

  /** The parties suspended by the changes up to a sequence. */
  synchronized Set<String> suspendedAt(long sequence) {
    Set<String> suspended = new HashSet<>();
    for (Event event : events.subList(0, (int) sequence)) {
      if (event.kind().equals("party-suspended")) {
        suspended.add(event.id());
      }
    }
    return suspended;
  }

  /** A declaration as the registry weighs it once some parties are suspended. */
  static SnapshotDeclaration weighed(SnapshotDeclaration d, Set<String> suspended) {
    return suspended.contains(d.declarant().id()) ? d.withTrust(TrustLevel.SELF_ASSERTED) : d;
  }

  private void add(String kind, String id, SnapshotDeclaration d, SnapshotAgreement a) {
    long sequence = head() + 1;
    events.add(new Event(sequence, kind, id, START.plusSeconds(sequence * 10), d, a));
  }

  private SnapshotDeclaration declaration(long sequence) {
    List<Selector> subjects = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      subjects.add(selector());
    }
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    int usageCount = 1 + random.nextInt(2);
    for (int i = 0; i < usageCount; i++) {
      usages.put(
          Usage.values()[random.nextInt(Usage.values().length)],
          Effect.values()[random.nextInt(Effect.values().length)]);
    }
    Set<Modality> modalities = EnumSet.noneOf(Modality.class);
    if (random.nextInt(3) == 0) {
      modalities.add(Modality.values()[random.nextInt(Modality.values().length)]);
    }
    Party declarant = HOLDERS.get(random.nextInt(HOLDERS.size()));
    Party rightsHolder =
        random.nextInt(3) == 0 ? HOLDERS.get(random.nextInt(HOLDERS.size())) : null;
    if (random.nextInt(5) == 0) {
      // A declaration on all works of its own holder: it covers what the holder's own other
      // declarations cover, in the base snapshot or in the changes applied since. When the holder
      // is not the declarant it is a record from before the registry refused that, and is ignored.
      subjects.add(Selector.partyWorks((rightsHolder == null ? declarant : rightsHolder).id()));
    }
    return new SnapshotDeclaration(
        new UUID(0xABCDL, sequence).toString(),
        sequence,
        START.plusSeconds(sequence * 10),
        declarant,
        rightsHolder,
        subjects,
        usages,
        random.nextBoolean() ? "http://rightsstatements.org/vocab/InC/1.0/" : null,
        random.nextInt(5) == 0 ? START : null,
        random.nextInt(7) == 0 ? START.plusSeconds(86_400L * 365 * 10) : null,
        TrustLevel.values()[random.nextInt(TrustLevel.values().length)],
        modalities);
  }

  private SnapshotAgreement agreement(long sequence, String licensee) {
    Party licensor = HOLDERS.get(random.nextInt(HOLDERS.size()));
    return new SnapshotAgreement(
        new UUID(0xAAAAL, sequence).toString(),
        sequence,
        START.plusSeconds(sequence * 10),
        licensor,
        new Party(licensee, null),
        List.of(random.nextInt(4) == 0 ? Selector.partyWorks(licensor.id()) : selector()),
        EnumSet.of(Usage.values()[random.nextInt(Usage.values().length)]),
        null,
        null);
  }

  private Selector selector() {
    String host = hosts.get(random.nextInt(hosts.size()));
    return switch (random.nextInt(6)) {
      case 0 -> Selector.urlPrefix("https://" + host + "/" + dir() + "/");
      case 1 -> Selector.domain(random.nextBoolean() ? host : "c.example");
      case 2 -> Selector.sha256(String.format("%064x", random.nextInt(8)));
      case 3 -> Selector.accession("tate", "N0" + random.nextInt(8));
      default -> Selector.url("https://" + host + "/" + dir() + "/" + random.nextInt(6) + ".jpg");
    };
  }

  private String dir() {
    return "d" + random.nextInt(3);
  }

  /** The registry at a sequence, as a snapshot for a requester (null: anonymous). */
  synchronized Snapshot snapshotAt(long sequence, String requester) {
    Map<String, SnapshotDeclaration> declarations = new LinkedHashMap<>();
    Map<String, SnapshotAgreement> granted = new LinkedHashMap<>();
    for (Event event : events.subList(0, (int) sequence)) {
      switch (event.kind()) {
        case "created" -> declarations.put(event.id(), event.declaration());
        case "revoked", "superseded" -> declarations.remove(event.id());
        case "party-suspended" -> {}
        case "licence-granted" -> {
          if (event.agreement().licensee().id().equals(requester)) {
            granted.put(event.id(), event.agreement());
          }
        }
        default -> granted.remove(event.id());
      }
    }
    Set<String> suspended = suspendedAt(sequence);
    return new Snapshot(
        sequence,
        START.plusSeconds(sequence * 10 + 5),
        declarations.values().stream().map(d -> weighed(d, suspended)).toList(),
        requester,
        List.copyOf(granted.values()));
  }

  /** A page of the change feed, as the registry writes it. */
  synchronized byte[] page(long after, int limit, String requester) {
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    long last = Math.min(head(), after + limit);
    page.put("after", after);
    page.put("head", head());
    page.put("registryTime", clock().toString());
    if (requester != null) {
      page.put("requester", requester);
    }
    ArrayNode changes = page.putArray("changes");
    // As the registry writes a page: a declaration is weighed as at the page's last change.
    Set<String> suspended = suspendedAt(last);
    for (Event event : events.subList((int) after, (int) last)) {
      ObjectNode change = changes.addObject();
      change.put("sequence", event.sequence());
      change.put("kind", event.kind());
      change.put(
          event.kind().startsWith("licence")
              ? "agreementId"
              : event.kind().equals("party-suspended") ? "partyId" : "declarationId",
          event.id());
      change.put("recordedAt", event.recordedAt().toString());
      if (event.declaration() != null) {
        ObjectNode declaration = declarationJson(event.declaration());
        if (suspended.contains(event.declaration().declarant().id())) {
          declaration.put("declarantSuspended", true);
        }
        change.set("declaration", declaration);
      }
      if (event.agreement() != null && event.agreement().licensee().id().equals(requester)) {
        change.set("agreement", agreementJson(event.agreement()));
      }
    }
    if (last < head()) {
      page.put("next", "/v1/changes?after=" + last + "&limit=" + limit);
    }
    return JSON.writeValueAsBytes(page);
  }

  static ObjectNode declarationJson(SnapshotDeclaration d) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", d.id());
    node.put("sequence", d.sequence());
    node.put("recordedAt", d.recordedAt().toString());
    node.put("status", "active");
    node.set("declarant", party(d.declarant()));
    if (d.rightsHolder() != null) {
      node.set("rightsHolder", party(d.rightsHolder()));
    }
    ArrayNode subjects = node.putArray("subjects");
    d.subjects().forEach(subject -> subjects.add(selector(subject)));
    ObjectNode usages = node.putObject("usages");
    d.usages().forEach((usage, effect) -> usages.put(usage.id(), effect.id()));
    if (!d.modalities().isEmpty()) {
      ArrayNode modalities = node.putArray("modalities");
      d.modalities().forEach(modality -> modalities.add(modality.id()));
    }
    if (d.rightsStatement() != null) {
      node.put("rightsStatement", d.rightsStatement());
    }
    if (d.validFrom() != null) {
      node.put("validFrom", d.validFrom().toString());
    }
    if (d.validUntil() != null) {
      node.put("validUntil", d.validUntil().toString());
    }
    node.put("trustLevel", d.trust().id());
    return node;
  }

  static ObjectNode agreementJson(SnapshotAgreement a) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", a.id());
    node.put("sequence", a.sequence());
    node.put("recordedAt", a.recordedAt().toString());
    node.put("status", "active");
    node.set("licensor", party(a.licensor()));
    node.set("licensee", party(a.licensee()));
    ArrayNode covers = node.putArray("covers");
    a.covers().forEach(subject -> covers.add(selector(subject)));
    ArrayNode usages = node.putArray("usages");
    a.usages().forEach(usage -> usages.add(usage.id()));
    return node;
  }

  private static ObjectNode party(Party party) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", party.id());
    if (party.name() != null) {
      node.put("name", party.name());
    }
    return node;
  }

  private static ObjectNode selector(Selector selector) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", selector.type().id());
    if (selector.type() == SelectorType.ACCESSION) {
      node.put("institution", selector.institution());
      node.put("number", selector.value());
    } else if (selector.type() == SelectorType.PARTY_WORKS) {
      node.put("party", selector.value());
    } else {
      node.put("value", selector.value());
    }
    return node;
  }

  /** Starts serving on 127.0.0.1, port 0. */
  URI serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/v1/snapshot", this::snapshot);
    server.createContext("/v1/changes", this::changes);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void snapshot(HttpExchange exchange) throws IOException {
    snapshotRequests.incrementAndGet();
    if (down) {
      respond(exchange, 503, new byte[] {'x'}, null);
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long sequence = snapshotAt >= 0 ? snapshotAt : head();
    SnapshotFormat.write(snapshotAt(sequence, requester(exchange)), bytes);
    respond(exchange, 200, damageSnapshot.apply(bytes.toByteArray()), null);
  }

  private void changes(HttpExchange exchange) throws IOException {
    pageRequests.incrementAndGet();
    if (down) {
      respond(exchange, 503, new byte[] {'x'}, null);
      return;
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(parts[0], parts[1]);
    }
    long after = Long.parseLong(query.get("after"));
    if (after > head() || refuseChanges) {
      respond(exchange, 400, "{\"field\": \"after\"}".getBytes(StandardCharsets.UTF_8), null);
      return;
    }
    byte[] body = page(after, Integer.parseInt(query.get("limit")), requester(exchange));
    String digest = "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    respond(exchange, 200, damagePage.apply(body), digest);
  }

  private static String requester(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (("Bearer " + LAB_TOKEN).equals(authorization)) {
      return LAB;
    }
    return ("Bearer " + OTHER_TOKEN).equals(authorization) ? OTHER : null;
  }

  private static byte[] sha256(byte[] body) {
    return SnapshotFormat.sha256().digest(body);
  }

  private static void respond(HttpExchange exchange, int status, byte[] body, String digest)
      throws IOException {
    if (digest != null) {
      exchange.getResponseHeaders().add("Content-Digest", digest);
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
