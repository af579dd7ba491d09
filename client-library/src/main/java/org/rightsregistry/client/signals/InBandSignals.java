package org.rightsregistry.client.signals;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.UrlIdentity;

/**
 * Reads the in-band signals on an item: robots.txt (with {@code Content-Usage} rules), TDMRep
 * (well-known file, header, HTML meta, EPUB and PDF metadata, layered as the standard says), the
 * {@code Content-Usage} header, {@code X-Robots-Tag} and meta robots, C2PA / CAWG
 * training-and-data-mining assertions and IPTC {@code plus:DataMining}. Hand the signals to {@link
 * org.rightsregistry.client.DecisionEngine} with the registry's statements.
 *
 * <pre>{@code
 * InBandSignals signals = InBandSignals.builder().fetchingAgent("ExampleBot").build();
 * List<Signal> read = signals.read(url, crawlerResponse);      // robots.txt, tdmrep.json cached
 * Decision decision = new DecisionEngine().decide(item, Usage.GENERATIVE_AI_TRAINING,
 *     statements, read, sequence, clock.instant(), Verdict.DENY);
 * }</pre>
 *
 * <p>Signals are read per usage category, not per user agent: robots.txt is evaluated for every
 * product token that expresses a category (GPTBot and CCBot for AI training, Google-Extended for
 * generative-AI training, ...), and a disallowed token reserves its category. An unreachable
 * robots.txt (5xx, 429, timeout, network failure, more than 5 redirects) gives an {@link
 * SignalOutcome#UNREACHABLE} signal, which the engine never reads as permission; a 4xx gives no
 * robots.txt restriction. A checker is immutable and safe to share between threads.
 */
public final class InBandSignals {

  private final Clock clock;
  private final String fetchingAgent;
  private final SiteFetcher fetcher;
  // Parsed rules per fetched robots.txt, by identity, kept while the response is held.
  private final Cache<Fetched, RobotsTxt> parsed = Caffeine.newBuilder().weakKeys().build();

  private InBandSignals(Builder builder) {
    this.clock = builder.clock;
    this.fetchingAgent = builder.fetchingAgent;
    HttpClient client =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(builder.requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    this.fetcher =
        new SiteFetcher(
            client,
            builder.requestTimeout,
            builder.politenessDelay,
            builder.fetchingAgent == null ? "RightsRegistryClient" : builder.fetchingAgent,
            builder.clock,
            builder.maxCachedFiles,
            builder.cacheTtl,
            builder.retryUnreachable);
  }

  /**
   * Starts building a reader.
   *
   * @return a builder with every default set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the signals known before the item is fetched: robots.txt and tdmrep.json of its origin,
   * fetched by the built-in fetcher and cached.
   *
   * @param url the item's absolute http(s) URL
   * @return the robots.txt signal and the TDMRep well-known signal, if any
   * @throws IllegalArgumentException if the URL is not valid
   */
  public List<Signal> beforeFetch(String url) {
    return read(url, null);
  }

  /**
   * Reads every signal on an item the crawler fetched: robots.txt and tdmrep.json of its origin
   * (built-in fetcher, cached) and the response's headers, HTML and file metadata.
   *
   * @param url the item's absolute http(s) URL
   * @param response the crawler's response for the item, or null if not fetched yet
   * @return the signals, in the order robots.txt, TDMRep, Content-Usage, robots tags, file
   * @throws IllegalArgumentException if the URL is not valid
   */
  public List<Signal> read(String url, Fetched response) {
    URI uri = URI.create(UrlIdentity.normalise(url));
    Fetched robots = fetcher.get(uri.resolve("/robots.txt"));
    Fetched tdmrep = fetcher.get(uri.resolve("/.well-known/tdmrep.json"));
    return read(url, robots, tdmrep, response);
  }

  /**
   * Reads every signal from responses the caller fetched itself; nothing is fetched.
   *
   * @param url the item's absolute http(s) URL
   * @param robotsTxt the response for the origin's {@code /robots.txt}, or null if not fetched
   * @param tdmrepJson the response for {@code /.well-known/tdmrep.json}, or null if not fetched
   * @param response the response for the item, or null if not fetched
   * @return the signals
   * @throws IllegalArgumentException if the URL is not valid
   */
  public List<Signal> read(String url, Fetched robotsTxt, Fetched tdmrepJson, Fetched response) {
    URI uri = URI.create(UrlIdentity.normalise(url));
    String path = pathAndQuery(uri);
    Instant at = clock.instant();
    List<Signal> signals = new ArrayList<>();
    if (robotsTxt != null) {
      signals.add(robots(robotsTxt, path, at));
    }
    List<TdmRep.Reading> tdm = new ArrayList<>();
    if (tdmrepJson != null && tdmrepJson.status() >= 200 && tdmrepJson.status() < 300) {
      tdm.add(TdmRep.wellKnown(tdmrepJson.body(), tdmrepJson.url(), uri.getRawPath()));
    }
    List<Signal> rest = new ArrayList<>();
    if (response != null) {
      ResponseSignals.read(response, fetchingAgent, at, tdm, rest);
    }
    signals.addAll(TdmRep.layer(tdm, at));
    signals.addAll(rest);
    return signals;
  }

  /**
   * Tells whether the fetching agent may fetch a URL under its origin's robots.txt (built-in
   * fetcher, cached). Unreachable robots.txt means no.
   *
   * @param url the URL to fetch
   * @return true if robots.txt allows the fetching agent (or the {@code *} group, if no agent was
   *     configured) to fetch it
   */
  public boolean mayFetch(String url) {
    URI uri = URI.create(UrlIdentity.normalise(url));
    Fetched robots = fetcher.get(uri.resolve("/robots.txt"));
    if (robots.isRobotsUnreachable()) {
      return false;
    }
    if (robots.status() >= 400) {
      return true;
    }
    String agent = fetchingAgent == null ? "*" : fetchingAgent;
    return rules(robots).isAllowed(agent, pathAndQuery(uri));
  }

  private Signal robots(Fetched robots, String path, Instant at) {
    if (robots.isRobotsUnreachable()) {
      return new Signal(
          Signal.SOURCE_ROBOTS_TXT,
          "",
          robots.url(),
          "robots.txt unreachable (" + robots.reason() + "): complete disallow",
          Map.of(),
          SignalOutcome.UNREACHABLE,
          at);
    }
    if (robots.status() >= 400) {
      return new Signal(
          Signal.SOURCE_ROBOTS_TXT,
          "",
          robots.url(),
          "robots.txt unavailable (HTTP " + robots.status() + "): no robots.txt restriction",
          Map.of(),
          SignalOutcome.READ,
          at);
    }
    return Readers.robots(rules(robots), robots.url(), path, at);
  }

  private RobotsTxt rules(Fetched robots) {
    return parsed.get(robots, r -> RobotsTxt.parse(r.body()));
  }

  static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Builds an {@link InBandSignals}; every setting has a default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private String fetchingAgent;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration politenessDelay = Duration.ofSeconds(1);
    private Duration cacheTtl = Duration.ofHours(24);
    private Duration retryUnreachable = Duration.ofMinutes(5);
    private long maxCachedFiles = 20_000;

    private Builder() {}

    /**
     * Sets the clock that stamps signals and ages the cache.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = require("clock", clock);
      return this;
    }

    /**
     * Sets the HTTP client of the built-in fetcher. It must not follow redirects itself.
     *
     * @param httpClient the client; default a new one that follows no redirects
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = require("httpClient", httpClient);
      return this;
    }

    /**
     * Sets the product token of the crawler that fetches, such as {@code ExampleBot}: used by
     * {@link #mayFetch}, for bot-scoped X-Robots-Tag directives and as the User-Agent of the
     * built-in fetcher.
     *
     * @param productToken the token; default none
     * @return this builder
     */
    public Builder fetchingAgent(String productToken) {
      this.fetchingAgent = require("productToken", productToken);
      return this;
    }

    /**
     * Sets how long one request of the built-in fetcher may take.
     *
     * @param timeout a positive duration; default 10 seconds
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Sets the least time between two requests to one host.
     *
     * @param delay zero or more; default 1 second
     * @return this builder
     */
    public Builder politenessDelay(Duration delay) {
      require("politenessDelay", delay);
      if (delay.isNegative()) {
        throw new IllegalArgumentException(
            "politenessDelay must be zero or more, but was " + delay);
      }
      this.politenessDelay = delay;
      return this;
    }

    /**
     * Sets how long a fetched robots.txt or tdmrep.json is kept.
     *
     * @param ttl positive and at most 24 hours; default 24 hours
     * @return this builder
     */
    public Builder cacheTtl(Duration ttl) {
      positive("cacheTtl", ttl);
      if (ttl.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException(
            "cacheTtl must be at most 24 hours (RFC 9309), but was " + ttl);
      }
      this.cacheTtl = ttl;
      return this;
    }

    /**
     * Sets how long an unreachable answer is kept (as unreachable) before it is fetched again.
     *
     * @param retry a positive duration; default 5 minutes
     * @return this builder
     */
    public Builder retryUnreachable(Duration retry) {
      this.retryUnreachable = positive("retryUnreachable", retry);
      return this;
    }

    /**
     * Sets how many fetched files the cache holds.
     *
     * @param max at least 1; default 20,000
     * @return this builder
     */
    public Builder maxCachedFiles(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxCachedFiles must be at least 1, but was " + max);
      }
      this.maxCachedFiles = max;
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     */
    public InBandSignals build() {
      return new InBandSignals(this);
    }

    private static <T> T require(String name, T value) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      require(name, value);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + value);
      }
      return value;
    }
  }
}
