package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

  /** A long value quoted in a message keeps whole characters, wherever the cut falls. */
  @ParameterizedTest
  @ValueSource(ints = {198, 199, 200})
  void quote_longValue_neverCutsASurrogatePair(int leading) {
    String value = "a".repeat(leading) + "\uD83D\uDE00".repeat(100);

    String quoted = Checks.quote(value);

    assertThat(quoted).endsWith("…' (" + value.length() + " characters)");
    assertThat(quoted.codePoints())
        .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
  }
}
