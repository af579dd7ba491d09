package org.rightsregistry.client.offline;

/**
 * The 64-bit fingerprints of lookup keys. A key is hashed one char at a time, so the fingerprint of
 * every directory cut of a URL falls out of the single pass over it, with nothing allocated.
 *
 * <p>Each step ({@code h = rotl((h ^ c) * K, 27)}) is a bijection of the state for a fixed char, so
 * two keys of the same length that differ in one char never share a state; the kind of key and its
 * length are mixed in by the finishing step. The hash is not cryptographic: the seed is drawn at
 * random per index, so nobody outside the process can aim two keys at one fingerprint.
 */
final class KeyHash {

  /** Kinds of key; two kinds never share a fingerprint space. */
  static final int URL = 1;

  static final int URL_PREFIX = 2;
  static final int DOMAIN = 3;
  static final int SHA256 = 4;
  static final int ACCESSION = 5;

  private static final long STEP = 0x9E3779B97F4A7C15L;
  private static final long KIND = 0xC2B2AE3D27D4EB4FL;
  private static final long MIX_1 = 0xBF58476D1CE4E5B9L;
  private static final long MIX_2 = 0x94D049BB133111EBL;

  private KeyHash() {}

  static long step(long state, char c) {
    return Long.rotateLeft((state ^ c) * STEP, 27);
  }

  static long steps(long state, CharSequence chars, int from, int to) {
    long h = state;
    for (int i = from; i < to; i++) {
      h = step(h, chars.charAt(i));
    }
    return h;
  }

  /** The fingerprint of a key of {@code length} chars whose hashing reached {@code state}. */
  static long finish(long state, int length, int kind) {
    long h = state ^ (length * STEP) ^ (kind * KIND);
    h = (h ^ (h >>> 30)) * MIX_1;
    h = (h ^ (h >>> 27)) * MIX_2;
    h ^= h >>> 31;
    return h == FingerprintTable.EMPTY ? 1 : h;
  }

  static long of(long seed, int kind, CharSequence key) {
    return finish(steps(seed, key, 0, key.length()), key.length(), kind);
  }

  /**
   * The fingerprint of an accession number: institution, ':' and number, as the server files it.
   */
  static long accession(long seed, String institution, String number) {
    long h = steps(seed, institution, 0, institution.length());
    h = steps(step(h, ':'), number, 0, number.length());
    return finish(h, institution.length() + 1 + number.length(), ACCESSION);
  }
}
