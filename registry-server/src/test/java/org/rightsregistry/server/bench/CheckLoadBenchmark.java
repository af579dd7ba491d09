package org.rightsregistry.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.server.RegistryApplication;
import org.rightsregistry.server.RegistryHttp;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The check load driver: starts the registry on 127.0.0.1 with a throw-away embedded PostgreSQL
 * under {@code registry-server/target/}, stores a million declarations shaped like the real Tate,
 * British Library (Flickr) and Openverse image URLs through the public batch API, then measures in
 * one run: {@code POST /v1/checks} with 10,000 items a request (half stored, half not), one request
 * per item, and the floor of a plain {@code HashSet} of the same normalised URLs.
 *
 * <p>Not part of the test run. Run it with {@code registry-server/bench/check-load.sh}.
 */
public final class CheckLoadBenchmark {

  private static final int BATCH = 10_000;
  private static final int WARM_UP_ROUNDS = 8;
  private static final int PREFIXES = 1_000;
  private static final int DOMAINS = 1_000;
  private static final String[] EFFECTS = {"reserved", "allowed", "licence-required"};
  private static final String[] OPENVERSE = {
    "flickr_1557512401.tsv",
    "rawpixel_1562166170.tsv",
    "brooklynmuseum_1559050316.tsv",
    "metmuseum_1551822422.tsv"
  };

  private CheckLoadBenchmark() {}

  /**
   * Arguments: the shared data folder, the number of declarations (default 1,000,000), the rounds
   * of 10,000-item checks (default 9), the number of one-item requests (default 2,000), the port
   * (default 18090) and the database folder (default registry-server/target/bench-postgres).
   */
  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int declarations = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
    int singles = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    int port = args.length > 4 ? Integer.parseInt(args[4]) : 18_090;
    Path database =
        Path.of(args.length > 5 ? args[5] : "registry-server/target/bench-postgres")
            .toAbsolutePath();
    boolean reuse = args.length > 6 && args[6].equals("reuse") && Files.isDirectory(database);

    List<Source> sources = realUrls(shared.resolve("real"));
    int exact = declarations - PREFIXES - DOMAINS;
    byte[] owners = new byte[exact];
    String[] stored = variants(sources, exact, 0, owners);
    String[] absent = variants(sources, BATCH * 4, 1_000_000, new byte[BATCH * 4]);
    report(
        "machine: %d cores, Java %s, load average %.1f before the server starts%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
    ConfigurableApplicationContext context = start(port, database, reuse);
    try {
      RegistryHttp operator = new RegistryHttp(port).as(OPERATOR_TOKEN);
      if (reuse) {
        report("reusing the declarations stored in %s by an earlier run%n", database);
      } else {
        load(operator, port, sources, stored, owners);
      }
      checks(port, stored, absent, rounds, singles, new CpuClock(database));
    } finally {
      context.close();
    }
  }

  /** A bench-only operator credential: the database is thrown away after the run. */
  private static final String OPERATOR_TOKEN =
      "rr_0000be4c0000_BENCHONLYbenchonlyBENCHONLYbenchonlyBENCHON";

  private static ConfigurableApplicationContext start(int port, Path database, boolean reuse)
      throws IOException {
    if (!reuse) {
      deleteTree(database);
    }
    return new SpringApplication(RegistryApplication.class)
        .run(
            "--server.address=127.0.0.1",
            "--server.port=" + port,
            "--rightsregistry.embedded-database.data-directory=" + database,
            "--rightsregistry.import.tate.enabled=false",
            "--rightsregistry.security.operator-token=" + OPERATOR_TOKEN,
            "--rightsregistry.security.requests-per-minute=100000000",
            "--logging.level.root=WARN");
  }

  /** Stores every declaration through {@code POST /v1/declarations/batch}, 10,000 a request. */
  private static void load(
      RegistryHttp operator, int port, List<Source> sources, String[] stored, byte[] owners) {
    List<List<String>> lines = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      lines.add(new ArrayList<>());
    }
    for (int i = 0; i < stored.length; i++) {
      lines.get(owners[i]).add(line(sources.get(owners[i]), "url", stored[i], i));
    }
    // Prefixes are distinct real directory cuts, so checks find them; domains are hosts no URL
    // is on, so checks probe the domain index without matching, as for most items of a crawl.
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; prefixes.size() < PREFIXES && i < stored.length; i++) {
      int at = (int) ((i * 7_919L) % stored.length);
      String prefix = directoryOf(stored[at]);
      if (prefixes.add(prefix)) {
        lines.get(owners[at]).add(line(sources.get(owners[at]), "url-prefix", prefix, i));
      }
    }
    for (int i = 0; i < DOMAINS; i++) {
      lines.get(2).add(line(sources.get(2), "domain", "photographer-" + i + ".example", i));
    }

    long started = System.nanoTime();
    int sent = 0;
    for (int s = 0; s < sources.size(); s++) {
      List<String> own = lines.get(s);
      RegistryHttp declarant = new RegistryHttp(port).as(party(operator, sources.get(s)));
      for (int from = 0; from < own.size(); from += BATCH) {
        List<String> batch = own.subList(from, Math.min(own.size(), from + BATCH));
        RegistryHttp.Response answer =
            declarant.post(
                "/v1/declarations/batch",
                "application/x-ndjson",
                String.join("\n", batch) + "\n",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        if (answer.status() != 201) {
          throw new IllegalStateException("The batch failed: " + answer.body());
        }
        sent += batch.size();
        if (sent / BATCH % 10 == 0) {
          report("  stored %,d declarations%n", sent);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    report(
        "load through POST /v1/declarations/batch: %,d declarations in %.0f s (%.0f/s)%n",
        sent, seconds, sent / seconds);
  }

  private static void checks(
      int port, String[] stored, String[] absent, int rounds, int singles, CpuClock cpu)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI checks = URI.create("http://127.0.0.1:" + port + "/v1/checks");
    Random random = new Random(42);
    List<String> bodies = new ArrayList<>();
    List<String[]> batches = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      String[] items = mixed(stored, absent, b, random);
      batches.add(items);
      bodies.add(body(items));
    }
    // Enough rounds for the JIT compiler to finish with the check path: its work would otherwise
    // count in the CPU time of the measured rounds.
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      post(client, checks, bodies.get(i % bodies.size()));
    }
    List<Double> perSecond = new ArrayList<>();
    long[] cpuBefore = cpu.read();
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      post(client, checks, bodies.get(round % bodies.size()));
      perSecond.add(BATCH / ((System.nanoTime() - t0) / 1e9));
    }
    Collections.sort(perSecond);
    report(
        "POST /v1/checks, %,d items a request (half stored), %d rounds: median %.0f items/s"
            + " (min %.0f, max %.0f)%n",
        BATCH, rounds, perSecond.get(rounds / 2), perSecond.get(0), perSecond.get(rounds - 1));
    long[] cpuAfter = cpu.read();
    double jvm = (cpuAfter[0] - cpuBefore[0]) / 1e9 / rounds;
    double database = (cpuAfter[1] - cpuBefore[1]) / 1e9 / rounds;
    report(
        "  CPU a request: %.3f s in this JVM (server and client), %.3f s in PostgreSQL:"
            + " %.0f items per CPU-second%n",
        jvm, database, BATCH / (jvm + database));

    String[] items = batches.get(0);
    for (int i = 0; i < Math.min(200, singles); i++) {
      post(client, checks, body(new String[] {items[i]}));
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < singles; i++) {
      post(client, checks, body(new String[] {items[i % items.length]}));
    }
    report(
        "POST /v1/checks, one item a request, %,d requests one after another: %.0f items/s%n",
        singles, singles / ((System.nanoTime() - t0) / 1e9));

    floor(stored, batches);
    report("load average after the run: %.1f%n", load());
  }

  /** The floor: normalise each URL and ask a HashSet of the stored normal forms. */
  private static void floor(String[] stored, List<String[]> batches) {
    Set<String> set = new HashSet<>(List.of(stored));
    long found = 0;
    long checked = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 3_000_000_000L) {
      for (String[] batch : batches) {
        for (String url : batch) {
          found += set.contains(UrlIdentity.normalise(url)) ? 1 : 0;
        }
        checked += batch.length;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    report(
        "floor, UrlIdentity.normalise and HashSet<String>.contains in this JVM: %.0f items/s"
            + " (%d%% found)%n",
        checked / seconds, 100 * found / checked);
  }

  private static String[] mixed(String[] stored, String[] absent, int batch, Random random) {
    String[] items = new String[BATCH];
    for (int i = 0; i < BATCH; i++) {
      items[i] =
          i % 2 == 0 ? stored[random.nextInt(stored.length)] : absent[batch * BATCH / 2 + i / 2];
    }
    return items;
  }

  private static String body(String[] urls) {
    StringBuilder body = new StringBuilder("{\"usage\":\"generative-ai-training\",\"items\":[");
    for (int i = 0; i < urls.length; i++) {
      body.append(i > 0 ? "," : "").append("{\"url\":\"").append(urls[i]).append("\"}");
    }
    return body.append("]}").toString();
  }

  private static void post(HttpClient client, URI uri, String body) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The check failed: " + response.statusCode() + " " + response.body());
    }
  }

  /** Registers the source's party and returns a credential that may declare for it. */
  private static String party(RegistryHttp operator, Source source) {
    RegistryHttp.Response registered =
        operator.postJson(
            "/v1/parties",
            "{\"id\": \"%s\", \"name\": \"%s\", \"role\": \"%s\"}"
                .formatted(source.id(), source.name(), source.role()));
    if (registered.status() != 201) {
      throw new IllegalStateException("Registering failed: " + registered.body());
    }
    RegistryHttp.Response issued =
        operator.postJson(
            "/v1/parties/" + source.id() + "/tokens", "{\"scopes\": [\"read\", \"declare\"]}");
    if (issued.status() != 201) {
      throw new IllegalStateException("Issuing a credential failed: " + issued.body());
    }
    return issued.json().get("token").asString();
  }

  private static String line(Source source, String type, String value, int i) {
    return ("{\"declarant\": {\"id\": \"%s\"},"
            + " \"subjects\": [{\"type\": \"%s\", \"value\": \"%s\"}],"
            + " \"usages\": {\"ai-training\": \"%s\"}}")
        .formatted(source.id(), type, value, EFFECTS[i % EFFECTS.length]);
  }

  private static String directoryOf(String url) {
    return url.substring(0, url.lastIndexOf('/') + 1);
  }

  /**
   * {@code count} distinct normal URLs: the real ones first (from {@code variantOffset} 0), then
   * copies with a variant number set into the last path segment, as a collection's next object.
   */
  private static String[] variants(
      List<Source> sources, int count, int variantOffset, byte[] owners) {
    Set<String> seen = new HashSet<>(count * 2);
    String[] urls = new String[count];
    int n = 0;
    for (int variant = variantOffset; n < count; variant++) {
      for (int s = 0; s < sources.size(); s++) {
        List<String> real = sources.get(s).urls();
        for (int i = 0; i < real.size() && n < count; i++) {
          String url = UrlIdentity.normalise(vary(real.get(i), variant));
          if (seen.add(url)) {
            owners[n] = (byte) s;
            urls[n++] = url;
          }
        }
      }
    }
    return urls;
  }

  private static String vary(String url, int variant) {
    if (variant == 0) {
      return url;
    }
    int dot = url.lastIndexOf('.');
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?');
    if (query >= 0 || dot < slash) {
      return url + (query >= 0 ? "&" : "?") + "v=" + variant;
    }
    return url.substring(0, dot) + "-" + variant + url.substring(dot);
  }

  /** Real image URLs of the shared data, one source per declaring party. */
  private static List<Source> realUrls(Path real) throws IOException {
    List<String> tate = new ArrayList<>();
    for (String line : lines(real.resolve("museum-collections/tate/artworks.jsonl.gz"))) {
      int at = line.indexOf("\"thumbnailUrl\":\"");
      if (at >= 0) {
        int start = at + "\"thumbnailUrl\":\"".length();
        tate.add(line.substring(start, line.indexOf('"', start)));
      }
    }
    List<String> britishLibrary =
        column(
            real.resolve(
                "museum-collections/british-library-flickr/"
                    + "flickr_commons_manifest_1510-1849.tsv.gz"),
            13);
    List<String> openverse = new ArrayList<>();
    for (String provider : OPENVERSE) {
      openverse.addAll(
          column(real.resolve("training-manifests/openverse-catalog-tsv/" + provider), 2));
    }
    return List.of(
        Source.of("tate", "Tate", "institution", tate),
        Source.of("british-library", "British Library", "institution", britishLibrary),
        Source.of("openverse-creators", "Openverse creators", "creator", openverse));
  }

  private static List<String> column(Path file, int column) throws IOException {
    List<String> values = new ArrayList<>();
    for (String line : lines(file)) {
      String[] fields = line.split("\t", -1);
      if (fields.length > column && fields[column].startsWith("http")) {
        values.add(fields[column]);
      }
    }
    return values;
  }

  private static List<String> lines(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void report(String format, Object... values) {
    System.out.printf(format, values);
    System.out.flush();
  }

  /**
   * CPU time of this JVM and of the embedded PostgreSQL's processes, so that a figure can be read
   * apart from what else the machine runs. Linux only: PostgreSQL's time comes from /proc.
   */
  private static final class CpuClock {
    private final Path postmasterPid;

    CpuClock(Path database) {
      this.postmasterPid = database.resolve("postmaster.pid");
    }

    /** Nanoseconds of CPU: this JVM's, then PostgreSQL's (0 where it cannot be read). */
    long[] read() throws IOException {
      var os = ManagementFactory.getOperatingSystemMXBean();
      long jvm =
          os instanceof com.sun.management.OperatingSystemMXBean bean
              ? bean.getProcessCpuTime()
              : 0;
      long ticks = 0;
      if (Files.exists(postmasterPid)) {
        long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
        ticks += ticksOf(pid);
        for (ProcessHandle child :
            ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
          ticks += ticksOf(child.pid());
        }
      }
      return new long[] {jvm, ticks * 10_000_000L};
    }

    /** User and system time of a process in clock ticks (100 a second on Linux). */
    private static long ticksOf(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /** The real URLs one party declares, in normal form. */
  private record Source(String id, String name, String role, List<String> urls) {

    static Source of(String id, String name, String role, List<String> raw) {
      List<String> urls = new ArrayList<>();
      for (String url : raw) {
        try {
          urls.add(UrlIdentity.normalise(url));
        } catch (IllegalArgumentException e) {
          // A damaged URL of the real data is left out, as a crawler would skip it.
        }
      }
      return new Source(id, name, role, urls);
    }
  }
}
