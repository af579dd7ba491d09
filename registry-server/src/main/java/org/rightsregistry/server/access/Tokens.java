package org.rightsregistry.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bearer token format {@code rr_<id>_<secret>}: a 12-hex-digit id that finds the stored
 * credential and a 43-character secret (256 random bits, base64url) of which only the SHA-256
 * digest is stored.
 */
public final class Tokens {

  static final String PREFIX = "rr_";
  private static final int ID_LENGTH = 12;
  private static final int SECRET_LENGTH = 43;
  private static final SecureRandom random = new SecureRandom();

  private Tokens() {}

  /** A new token; the caller shows it once and stores only {@link #digest} of its secret. */
  public static Parsed generate() {
    byte[] id = new byte[ID_LENGTH / 2];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    return new Parsed(
        HexFormat.of().formatHex(id),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** A random value for a domain challenge (256 bits, base64url). */
  public static String challengeValue() {
    byte[] value = new byte[32];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** The token split into id and secret, or empty when it does not have the format. */
  public static Optional<Parsed> parse(String token) {
    if (token == null
        || token.length() != PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH
        || !token.startsWith(PREFIX)
        || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
      return Optional.empty();
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
    String secret = token.substring(PREFIX.length() + ID_LENGTH + 1);
    if (!id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
        || !secret.chars().allMatch(Tokens::isBase64Url)) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(id, secret));
  }

  /** The SHA-256 digest, in hex, under which a secret is stored. */
  public static String digest(String secret) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Compares two digests in time that does not depend on where they differ. */
  public static boolean sameDigest(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean isBase64Url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  /** A token's parts. {@link #toString} hides the secret, so a token never reaches a log line. */
  public record Parsed(String id, String secret) {

    /** The token as the caller sends it. */
    public String token() {
      return PREFIX + id + "_" + secret;
    }

    @Override
    public String toString() {
      return "token " + id;
    }
  }
}
