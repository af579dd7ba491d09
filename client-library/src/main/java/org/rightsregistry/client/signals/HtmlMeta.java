package org.rightsregistry.client.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds {@code <meta>} elements in HTML or XML (EPUB OPF) text, tolerantly, without a DOM. */
final class HtmlMeta {

  /** One meta element: its attributes (names lower-cased) and its text content, if any. */
  record Element(Map<String, String> attributes, String text) {
    String get(String name) {
      return attributes.get(name);
    }
  }

  private HtmlMeta() {}

  static List<Element> find(String html) {
    List<Element> found = new ArrayList<>();
    String lower = html.toLowerCase(Locale.ROOT);
    int at = 0;
    while ((at = lower.indexOf("<meta", at)) >= 0) {
      int end = tagEnd(html, at);
      if (end < 0) {
        break;
      }
      char after = at + 5 < html.length() ? html.charAt(at + 5) : '>';
      if (Character.isWhitespace(after) || after == '/' || after == '>') {
        Map<String, String> attributes = attributes(html.substring(at + 5, end));
        String text = "";
        boolean selfClosing = html.charAt(end - 1) == '/';
        if (!selfClosing) {
          int close = lower.indexOf("</meta", end);
          int next = lower.indexOf("<", end + 1);
          if (close >= 0 && close == next) {
            text = html.substring(end + 1, close).strip();
          }
        }
        found.add(new Element(attributes, text));
      }
      at = end;
    }
    return found;
  }

  private static int tagEnd(String html, int start) {
    char quote = 0;
    for (int i = start; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '/')) {
        i++;
      }
      int nameStart = i;
      while (i < n
          && !Character.isWhitespace(text.charAt(i))
          && text.charAt(i) != '='
          && text.charAt(i) != '/') {
        i++;
      }
      String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String value = "";
      if (i < n && text.charAt(i) == '=') {
        i++;
        while (i < n && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
          char quote = text.charAt(i++);
          int close = text.indexOf(quote, i);
          close = close < 0 ? n : close;
          value = text.substring(i, close);
          i = close + 1;
        } else {
          int start = i;
          while (i < n && !Character.isWhitespace(text.charAt(i))) {
            i++;
          }
          value = text.substring(start, i);
        }
      }
      if (!name.isEmpty()) {
        attributes.putIfAbsent(name, unescape(value));
      }
    }
    return attributes;
  }

  private static String unescape(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    return value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
