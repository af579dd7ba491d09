package org.rightsregistry.client.signals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rightsregistry.client.Signal;

/** The signals of one fetched response: headers, HTML meta elements and the file's metadata. */
final class ResponseSignals {

  private ResponseSignals() {}

  static void read(
      Fetched response,
      String fetchingAgent,
      Instant at,
      List<TdmRep.Reading> tdm,
      List<Signal> signals) {
    String where = response.url();
    tdm.add(tdmHeader(response, where));
    List<String> contentUsage = response.header("Content-Usage");
    if (!contentUsage.isEmpty()) {
      signals.add(Readers.contentUsageHeader(contentUsage, where + " header Content-Usage", at));
    }
    List<String> tags = response.header("X-Robots-Tag");
    if (!tags.isEmpty()) {
      List<String[]> scoped = new ArrayList<>();
      tags.forEach(tag -> scoped.add(Readers.scoped(tag)));
      signals.add(
          Readers.robotsTags(
              scoped,
              "X-Robots-Tag: " + String.join("\nX-Robots-Tag: ", tags),
              where + " header X-Robots-Tag",
              response.isImage(),
              fetchingAgent,
              at));
    }
    if (response.isHtml()) {
      html(
          new String(response.body(), StandardCharsets.UTF_8),
          where,
          fetchingAgent,
          at,
          tdm,
          signals);
    } else if (response.body().length > 0) {
      Embedded.Reading file = Embedded.read(response.body(), where, at);
      tdm.add(file.tdm());
      signals.addAll(file.signals());
    }
  }

  private static TdmRep.Reading tdmHeader(Fetched response, String where) {
    List<String> reservation = response.header("tdm-reservation");
    List<String> policy = response.header("tdm-policy");
    if (reservation.isEmpty() && policy.isEmpty()) {
      return TdmRep.absent("header");
    }
    String value = reservation.isEmpty() ? null : String.join(", ", reservation);
    String raw =
        (value == null ? "" : "tdm-reservation: " + value)
            + (policy.isEmpty() ? "" : " tdm-policy: " + policy.get(0));
    return TdmRep.value(
        "header", raw.strip(), where + " header", value, policy.isEmpty() ? null : policy.get(0));
  }

  static void html(
      String html,
      String where,
      String fetchingAgent,
      Instant at,
      List<TdmRep.Reading> tdm,
      List<Signal> signals) {
    String reservation = null;
    String policy = null;
    List<String[]> robots = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    for (HtmlMeta.Element meta : HtmlMeta.find(html)) {
      String name = meta.get("name");
      String content = meta.get("content");
      if (name == null || content == null) {
        continue;
      }
      String lower = name.strip().toLowerCase(Locale.ROOT);
      if (lower.equals("tdm-reservation")) {
        reservation = content;
      } else if (lower.equals("tdm-policy")) {
        policy = content;
      } else if (lower.equals("robots")) {
        robots.add(new String[] {null, content});
        raw.add("<meta name=\"" + name + "\" content=\"" + content + "\">");
      } else if (ProductTokens.isKnown(name.strip())
          || name.strip().equalsIgnoreCase(fetchingAgent == null ? "" : fetchingAgent)) {
        robots.add(new String[] {name.strip(), content});
        raw.add("<meta name=\"" + name + "\" content=\"" + content + "\">");
      }
    }
    if (reservation != null || policy != null) {
      String rawTdm =
          "<meta name=\"tdm-reservation\" content=\""
              + reservation
              + "\">"
              + (policy == null ? "" : " <meta name=\"tdm-policy\" content=\"" + policy + "\">");
      tdm.add(TdmRep.value("HTML meta", rawTdm, where + " HTML meta", reservation, policy));
    }
    if (!robots.isEmpty()) {
      signals.add(
          Readers.robotsTags(
              robots,
              String.join("\n", raw),
              where + " HTML meta robots",
              false,
              fetchingAgent,
              at));
    }
  }
}
