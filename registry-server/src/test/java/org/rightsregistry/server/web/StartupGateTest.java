package org.rightsregistry.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** No check is answered before the first import has committed. */
class StartupGateTest {

  @Test
  void requestsBeforeTheRegistryIsReadyGet503WithRetryAfter() throws Exception {
    StartupGate gate = new StartupGate();
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    gate.doFilter(new MockHttpServletRequest("POST", "/v1/checks"), response, chain);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("\"status\":503", "still starting");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void requestsOnceReadyPassThrough() throws Exception {
    StartupGate gate = new StartupGate();
    gate.open();
    MockFilterChain chain = new MockFilterChain();

    gate.doFilter(
        new MockHttpServletRequest("POST", "/v1/checks"), new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isNotNull();
  }
}
