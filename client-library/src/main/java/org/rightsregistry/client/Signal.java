package org.rightsregistry.client;

import java.time.Instant;
import java.util.Map;

/**
 * One in-band signal as it bears on one item: what a robots.txt file, an HTTP header, an HTML meta
 * element or the file's own metadata says. It is the second input of {@link DecisionEngine}, beside
 * the registry's {@link Statement}s; {@code org.rightsregistry.client.signals} reads signals.
 *
 * @param source the kind of signal, one of the {@code SOURCE_*} constants
 * @param raw the signal as written, such as {@code X-Robots-Tag: noimageai}, shortened if huge
 * @param location where it was found, such as {@code https://example.org/robots.txt line 4}
 * @param meaning what it was read as, in one phrase for people
 * @param usages per usage category the effect the signal expresses; empty if it expresses none
 * @param outcome whether the signal could be read
 * @param readAt when the signal was read (for a cached robots.txt, when it was fetched)
 */
public record Signal(
    String source,
    String raw,
    String location,
    String meaning,
    Map<Usage, Effect> usages,
    SignalOutcome outcome,
    Instant readAt) {

  /** robots.txt groups (RFC 9309), including its {@code Content-Usage} rules. */
  public static final String SOURCE_ROBOTS_TXT = "robots-txt";

  /** W3C TDMRep, from the well-known file, a header, HTML, EPUB or PDF metadata. */
  public static final String SOURCE_TDMREP = "tdmrep";

  /** The IETF AI preferences {@code Content-Usage} HTTP header field. */
  public static final String SOURCE_CONTENT_USAGE = "content-usage";

  /** {@code X-Robots-Tag} header fields and {@code <meta name="robots">} elements. */
  public static final String SOURCE_ROBOTS_TAG = "robots-tag";

  /** C2PA 1.4 or CAWG 1.1 training-and-data-mining assertions. */
  public static final String SOURCE_C2PA = "c2pa";

  /** IPTC Photo Metadata {@code plus:DataMining} in XMP. */
  public static final String SOURCE_IPTC = "iptc";

  /**
   * Creates a signal; the usages are copied.
   *
   * @param source the kind of signal, one of the {@code SOURCE_*} constants
   * @param raw the signal as written
   * @param location where it was found
   * @param meaning what it was read as
   * @param usages per usage category the effect the signal expresses; must be empty unless the
   *     outcome is {@link SignalOutcome#READ}
   * @param outcome whether the signal could be read
   * @param readAt when the signal was read
   * @throws IllegalArgumentException if a component is missing, or a signal that was not read
   *     expresses usages
   */
  public Signal {
    Checks.requireText("source", source);
    Checks.requireValue("raw", raw);
    Checks.requireText("location", location);
    Checks.requireText("meaning", meaning);
    Checks.requireValue("outcome", outcome);
    Checks.requireValue("readAt", readAt);
    usages = UsageMaps.copyOf(Checks.requireValue("usages", usages));
    if (outcome != SignalOutcome.READ && !usages.isEmpty()) {
      throw new IllegalArgumentException(
          "usages of a " + outcome.id() + " signal must be empty, but were " + usages);
    }
    raw = Checks.shortened(raw, MAX_RAW);
  }

  private static final int MAX_RAW = 2_000;
}
