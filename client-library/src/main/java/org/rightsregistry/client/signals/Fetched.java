package org.rightsregistry.client.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response the crawler already fetched, so that nothing is fetched twice: its final status, its
 * header fields (every field line kept) and its body.
 *
 * @param url the URL the response is for
 * @param status the final HTTP status after redirects; 0 when no response came (timeout, network
 *     failure, too many redirects)
 * @param headers the header fields, names in any case, each with every field line in order
 * @param body the body, possibly empty
 * @param failure why no response came, or null
 */
public record Fetched(
    String url, int status, Map<String, List<String>> headers, byte[] body, String failure) {

  /**
   * Creates a response; header names are made case-insensitive.
   *
   * @param url the URL the response is for
   * @param status the final HTTP status, or 0 when no response came
   * @param headers the header fields
   * @param body the body
   * @param failure why no response came, or null
   * @throws IllegalArgumentException if the URL, headers or body are missing
   */
  public Fetched {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url must be the URL fetched, but was '" + url + "'");
    }
    if (headers == null || body == null) {
      throw new IllegalArgumentException("headers and body must not be null (use empty ones)");
    }
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    headers = copy;
  }

  /**
   * A response with a status, headers and body.
   *
   * @param url the URL
   * @param status the final status
   * @param headers the header fields
   * @param body the body
   * @return the response
   */
  public static Fetched of(String url, int status, Map<String, List<String>> headers, byte[] body) {
    return new Fetched(url, status, headers, body, null);
  }

  /**
   * No response: a timeout, a network failure or too many redirects.
   *
   * @param url the URL
   * @param failure why
   * @return the failed fetch
   */
  public static Fetched failed(String url, String failure) {
    return new Fetched(url, 0, Map.of(), new byte[0], failure);
  }

  /**
   * Returns every line of a header field.
   *
   * @param name the field name in any case
   * @return the field lines, empty if absent
   */
  public List<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null ? List.of() : values;
  }

  /** Tells whether the response is an image, by its Content-Type or the URL's extension. */
  boolean isImage() {
    List<String> type = header("Content-Type");
    if (!type.isEmpty()) {
      return type.get(0).strip().toLowerCase(Locale.ROOT).startsWith("image/");
    }
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.matches(".*\\.(jpe?g|png|gif|webp|tiff?|avif|heic)(\\?.*)?$");
  }

  boolean isHtml() {
    List<String> type = header("Content-Type");
    return !type.isEmpty() && type.get(0).toLowerCase(Locale.ROOT).contains("html");
  }

  boolean isRobotsUnreachable() {
    return status == 0 || status == 429 || status >= 500 || (status >= 300 && status < 400);
  }

  String reason() {
    return failure != null ? failure : "HTTP " + status;
  }
}
