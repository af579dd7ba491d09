package org.rightsregistry.client.signals.bench;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.signals.Fetched;
import org.rightsregistry.client.signals.InBandSignals;
import org.rightsregistry.client.signals.RobotsTxt;

/**
 * robots.txt evaluations per second over the real files (ours and crawler-commons 1.5 alone, both
 * pre-parsed), and a full in-band check of one item. Run by {@code client-library/bench/jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RobotsBenchmark {

  private static final String[] AGENTS = {"GPTBot", "CCBot", "Google-Extended", "Googlebot"};
  private static final String[] PATHS = {"/", "/news/2026/12/a-story.html", "/search?q=x", "/p/1"};

  private final List<RobotsTxt> ours = new ArrayList<>();
  private final List<BaseRobotRules[]> crawlerCommons = new ArrayList<>();
  private int next;

  private InBandSignals signals;
  private Fetched robots;
  private Fetched tdmrep;
  private Fetched image;

  /** Loads and parses the real robots.txt files once. */
  @Setup
  public void setUp() throws Exception {
    Path root = Paths.get(System.getProperty("rightsregistry.shared-data"), "real", "robots-txt");
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    List<byte[]> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith("robots.txt")).toList()) {
        bodies.add(Files.readAllBytes(file));
      }
    }
    for (byte[] body : bodies) {
      ours.add(RobotsTxt.parse(body));
      BaseRobotRules[] perAgent = new BaseRobotRules[AGENTS.length];
      for (int a = 0; a < AGENTS.length; a++) {
        perAgent[a] =
            parser.parseContent(
                "https://example.org/robots.txt",
                body,
                "text/plain",
                List.of(AGENTS[a].toLowerCase()));
      }
      crawlerCommons.add(perAgent);
    }
    signals = InBandSignals.builder().build();
    robots = Fetched.of("https://example.org/robots.txt", 200, Map.of(), bodies.get(0));
    tdmrep =
        Fetched.of(
            "https://example.org/.well-known/tdmrep.json",
            200,
            Map.of(),
            ("[{\"location\":\"/private/\",\"tdm-reservation\":1},"
                    + "{\"location\":\"/\",\"tdm-reservation\":0}]")
                .getBytes(StandardCharsets.UTF_8));
    image =
        Fetched.of(
            "https://example.org/gallery/a.jpg",
            200,
            Map.of(
                "Content-Type", List.of("image/jpeg"),
                "X-Robots-Tag", List.of("noimageai", "googlebot: nosnippet"),
                "Content-Usage", List.of("train-ai=n, search=y"),
                "tdm-reservation", List.of("1")),
            new byte[0]);
  }

  /** One robots.txt evaluation by our parser. */
  @Benchmark
  public boolean robotsOurs() {
    int i = next++;
    RobotsTxt rules = ours.get(i % ours.size());
    return rules.isAllowed(AGENTS[(i >> 3) & 3], PATHS[(i >> 5) & 3]);
  }

  /** One robots.txt evaluation by crawler-commons alone. */
  @Benchmark
  public boolean robotsCrawlerCommons() {
    int i = next++;
    BaseRobotRules rules = crawlerCommons.get(i % crawlerCommons.size())[(i >> 3) & 3];
    return rules.isAllowed("https://example.org" + PATHS[(i >> 5) & 3]);
  }

  /** A full in-band check of one item: headers, cached robots.txt and tdmrep.json. */
  @Benchmark
  public List<Signal> inBandCheckOfOneItem() {
    return signals.read(image.url(), robots, tdmrep, image);
  }
}
