package org.rightsregistry.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps one case apart from every other case recorded in the same registry: its party ids, hosts
 * and hashes get a tag of their own, and the ids the registry assigns are remembered under the
 * case's ids. The rewriting keeps what the decision depends on: a host keeps its subdomains and its
 * public suffix (the tag goes into the label above the suffix, so {@code cdn.example.org} stays
 * under {@code example.org}), every host of a case grows by the same length, and a hash keeps the
 * case of each letter.
 */
final class CaseIdentities {

  private final String tag;
  private final Map<String, String> registryIds = new HashMap<>();

  CaseIdentities(String tag) {
    this.tag = tag;
  }

  String party(String id) {
    return tag + "-" + id;
  }

  /** Remembers the registry's id for a declaration or agreement of the case. */
  void assigned(String caseId, String registryId) {
    registryIds.put(caseId, registryId);
  }

  /** The registry's id for a case's declaration or agreement, or null if none was recorded. */
  String registryId(String caseId) {
    return registryIds.get(caseId);
  }

  ObjectNode subject(JsonNode subject) {
    ObjectNode mapped = (ObjectNode) subject.deepCopy();
    String type = subject.get("type").stringValue();
    switch (type) {
      case "url", "url-prefix" -> mapped.put("value", url(subject.get("value").stringValue()));
      case "domain" -> mapped.put("value", host(subject.get("value").stringValue()));
      case "sha256" -> mapped.put("value", sha256(subject.get("value").stringValue()));
      case "accession" ->
          mapped.put("institution", party(subject.get("institution").stringValue()));
      case "party-works" -> mapped.put("party", party(subject.get("party").stringValue()));
      default -> {
        // An unknown subject type is sent as it is; the registry refuses it.
      }
    }
    return mapped;
  }

  ObjectNode item(JsonNode item) {
    ObjectNode mapped = (ObjectNode) item.deepCopy();
    if (item.has("url")) {
      mapped.put("url", url(item.get("url").stringValue()));
    }
    if (item.has("sha256")) {
      mapped.put("sha256", sha256(item.get("sha256").stringValue()));
    }
    if (item.has("accession")) {
      ObjectNode accession = (ObjectNode) item.get("accession").deepCopy();
      accession.put("institution", party(accession.get("institution").stringValue()));
      mapped.set("accession", accession);
    }
    return mapped;
  }

  /** The URL with its host tagged; scheme, user, port, path, query and fragment as written. */
  String url(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    String user = authority.substring(0, at + 1);
    String hostAndPort = authority.substring(at + 1);
    int colon = hostAndPort.startsWith("[") ? -1 : hostAndPort.lastIndexOf(':');
    String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    String port = colon < 0 ? "" : hostAndPort.substring(colon);
    return url.substring(0, start) + user + host(host) + port + url.substring(end);
  }

  String host(String host) {
    if (host.startsWith("[") || host.isEmpty()) {
      return host;
    }
    boolean trailingDot = host.endsWith(".");
    String[] labels = (trailingDot ? host.substring(0, host.length() - 1) : host).split("\\.");
    int tagged = Math.max(0, labels.length - 2);
    labels[tagged] = tag + "-" + labels[tagged];
    return String.join(".", labels) + (trailingDot ? "." : "");
  }

  String sha256(String hash) {
    if (!hash.matches("[0-9a-fA-F]{64}")) {
      return hash;
    }
    String fresh = HexFormat.of().formatHex(digest(tag + ":" + hash.toLowerCase()));
    StringBuilder cased = new StringBuilder(fresh);
    for (int i = 0; i < hash.length(); i++) {
      if (Character.isUpperCase(hash.charAt(i))) {
        cased.setCharAt(i, Character.toUpperCase(fresh.charAt(i)));
      }
    }
    return cased.toString();
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
