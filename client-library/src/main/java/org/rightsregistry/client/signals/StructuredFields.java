package org.rightsregistry.client.signals;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete parser of RFC 9651 Structured Field Values (lists, dictionaries and items, with every
 * bare item type: integer, decimal, string, token, byte sequence, boolean, date and display
 * string). It follows the parsing algorithms of RFC 9651 section 4.2 step by step; any failure
 * throws {@link IllegalArgumentException}, and the caller must then ignore the whole field.
 */
final class StructuredFields {

  /**
   * A bare item with its parameters; the value is Long, BigDecimal, String, Token, byte[], Boolean,
   * Date or DisplayString.
   */
  record Item(Object value, Map<String, Object> parameters) {}

  /** An inner list with its parameters. */
  record InnerList(List<Item> items, Map<String, Object> parameters) {}

  /** A token, kept apart from strings. */
  record Token(String value) {}

  /** A date: seconds since the epoch. */
  record Date(long epochSeconds) {}

  /** A display string: Unicode text. */
  record DisplayString(String value) {}

  private final String input;
  private int pos;

  private StructuredFields(String input) {
    this.input = input;
  }

  /** Parses a dictionary field; members are Item or InnerList; the last duplicate key wins. */
  static Map<String, Object> parseDictionary(String field) {
    StructuredFields parser = new StructuredFields(field);
    parser.skipSp();
    Map<String, Object> dictionary = parser.dictionary();
    parser.skipSp();
    parser.requireEnd();
    return dictionary;
  }

  /** Parses a list field; members are Item or InnerList. */
  static List<Object> parseList(String field) {
    StructuredFields parser = new StructuredFields(field);
    parser.skipSp();
    List<Object> list = parser.list();
    parser.skipSp();
    parser.requireEnd();
    return list;
  }

  /** Parses an item field. */
  static Item parseItem(String field) {
    StructuredFields parser = new StructuredFields(field);
    parser.skipSp();
    Item item = parser.item();
    parser.skipSp();
    parser.requireEnd();
    return item;
  }

  private void requireEnd() {
    if (pos != input.length()) {
      throw fail("unexpected characters after the value");
    }
  }

  private List<Object> list() {
    List<Object> members = new ArrayList<>();
    while (!atEnd()) {
      members.add(itemOrInnerList());
      skipOws();
      if (atEnd()) {
        return members;
      }
      expect(',');
      skipOws();
      if (atEnd()) {
        throw fail("trailing comma");
      }
    }
    return members;
  }

  private Map<String, Object> dictionary() {
    Map<String, Object> members = new LinkedHashMap<>();
    while (!atEnd()) {
      String key = key();
      Object member;
      if (peek() == '=') {
        pos++;
        member = itemOrInnerList();
      } else {
        member = new Item(Boolean.TRUE, parameters());
      }
      members.remove(key);
      members.put(key, member);
      skipOws();
      if (atEnd()) {
        return members;
      }
      expect(',');
      skipOws();
      if (atEnd()) {
        throw fail("trailing comma");
      }
    }
    return members;
  }

  private Object itemOrInnerList() {
    return peek() == '(' ? innerList() : item();
  }

  private InnerList innerList() {
    expect('(');
    List<Item> items = new ArrayList<>();
    while (!atEnd()) {
      skipSp();
      if (peek() == ')') {
        pos++;
        return new InnerList(Collections.unmodifiableList(items), parameters());
      }
      items.add(item());
      char next = peek();
      if (next != ' ' && next != ')') {
        throw fail("expected a space or ')' in an inner list");
      }
    }
    throw fail("inner list is not closed");
  }

  private Item item() {
    Object value = bareItem();
    return new Item(value, parameters());
  }

  private Object bareItem() {
    char c = peek();
    if (c == '-' || isDigit(c)) {
      return number();
    }
    if (c == '"') {
      return string();
    }
    if (c == '*' || isAlpha(c)) {
      return new Token(token());
    }
    if (c == ':') {
      return byteSequence();
    }
    if (c == '?') {
      return bool();
    }
    if (c == '@') {
      pos++;
      Object seconds = number();
      if (!(seconds instanceof Long)) {
        throw fail("a date must be an integer");
      }
      return new Date((Long) seconds);
    }
    if (c == '%') {
      return displayString();
    }
    throw fail("unexpected start of an item");
  }

  private Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    while (!atEnd() && peek() == ';') {
      pos++;
      skipSp();
      String key = key();
      Object value = Boolean.TRUE;
      if (!atEnd() && peek() == '=') {
        pos++;
        value = bareItem();
      }
      parameters.remove(key);
      parameters.put(key, value);
    }
    return parameters.isEmpty() ? Map.of() : Collections.unmodifiableMap(parameters);
  }

  private String key() {
    char first = peek();
    if (!(first == '*' || (first >= 'a' && first <= 'z'))) {
      throw fail("a key must start with a lower-case letter or '*'");
    }
    int start = pos;
    while (!atEnd()) {
      char c = input.charAt(pos);
      if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*')) {
        break;
      }
      pos++;
    }
    return input.substring(start, pos);
  }

  private Object number() {
    boolean negative = false;
    if (peek() == '-') {
      negative = true;
      pos++;
    }
    if (!isDigit(peek())) {
      throw fail("a number must have a digit");
    }
    int start = pos;
    boolean decimal = false;
    while (!atEnd()) {
      char c = input.charAt(pos);
      if (isDigit(c)) {
        pos++;
      } else if (c == '.' && !decimal) {
        if (pos - start > 12) {
          throw fail("a decimal has at most 12 integer digits");
        }
        decimal = true;
        pos++;
      } else {
        break;
      }
      if (!decimal && pos - start > 15) {
        throw fail("an integer has at most 15 digits");
      }
      if (decimal && pos - start > 16) {
        throw fail("a decimal has at most 16 characters");
      }
    }
    String digits = input.substring(start, pos);
    if (!decimal) {
      long value = Long.parseLong(digits);
      return negative ? -value : value;
    }
    if (digits.endsWith(".")) {
      throw fail("a decimal must not end with '.'");
    }
    if (digits.length() - digits.indexOf('.') - 1 > 3) {
      throw fail("a decimal has at most 3 fraction digits");
    }
    BigDecimal value = new BigDecimal(digits);
    return negative ? value.negate() : value;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char c = input.charAt(pos++);
      if (c == '\\') {
        if (atEnd()) {
          throw fail("a string ends in a backslash");
        }
        char next = input.charAt(pos++);
        if (next != '"' && next != '\\') {
          throw fail("only \\\" and \\\\ are escapes in a string");
        }
        out.append(next);
      } else if (c == '"') {
        return out.toString();
      } else if (c < 0x20 || c > 0x7e) {
        throw fail("a string holds only printable ASCII");
      } else {
        out.append(c);
      }
    }
    throw fail("a string is not closed");
  }

  private String token() {
    int start = pos++;
    while (!atEnd()) {
      char c = input.charAt(pos);
      if (!(isTchar(c) || c == ':' || c == '/')) {
        break;
      }
      pos++;
    }
    return input.substring(start, pos);
  }

  private byte[] byteSequence() {
    expect(':');
    int end = input.indexOf(':', pos);
    if (end < 0) {
      throw fail("a byte sequence is not closed");
    }
    String base64 = input.substring(pos, end);
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
        throw fail("a byte sequence holds only base64 characters");
      }
    }
    pos = end + 1;
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw fail("a byte sequence is not valid base64");
    }
  }

  private Boolean bool() {
    expect('?');
    char c = atEnd() ? 0 : input.charAt(pos++);
    if (c == '1') {
      return Boolean.TRUE;
    }
    if (c == '0') {
      return Boolean.FALSE;
    }
    throw fail("a boolean is ?0 or ?1");
  }

  private DisplayString displayString() {
    expect('%');
    expect('"');
    ByteBuffer bytes = ByteBuffer.allocate(input.length());
    while (!atEnd()) {
      char c = input.charAt(pos++);
      if (c < 0x20 || c > 0x7e) {
        throw fail("a display string holds only printable ASCII");
      }
      if (c == '%') {
        bytes.put((byte) (hex(pos) * 16 + hex(pos + 1)));
        pos += 2;
      } else if (c == '"') {
        bytes.flip();
        try {
          return new DisplayString(
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(bytes)
                  .toString());
        } catch (CharacterCodingException e) {
          throw fail("a display string is not valid UTF-8");
        }
      } else {
        bytes.put((byte) c);
      }
    }
    throw fail("a display string is not closed");
  }

  private int hex(int at) {
    char c = at < input.length() ? input.charAt(at) : 0;
    if (isDigit(c)) {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    throw fail("a display string escape is % and two lower-case hex digits");
  }

  private void skipSp() {
    while (!atEnd() && input.charAt(pos) == ' ') {
      pos++;
    }
  }

  private void skipOws() {
    while (!atEnd() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void expect(char c) {
    if (atEnd() || input.charAt(pos) != c) {
      throw fail("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return atEnd() ? 0 : input.charAt(pos);
  }

  private boolean atEnd() {
    return pos >= input.length();
  }

  private IllegalArgumentException fail(String reason) {
    return new IllegalArgumentException(
        "not a structured field value at character " + pos + ": " + reason);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isTchar(char c) {
    return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
