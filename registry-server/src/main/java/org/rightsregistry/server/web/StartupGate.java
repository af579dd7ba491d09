package org.rightsregistry.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 until the registry has finished starting, so that no check is answered from a
 * registry whose first import has not committed yet (it would say UNKNOWN for items that are about
 * to be reserved).
 */
@Component
class StartupGate extends OncePerRequestFilter {

  private static final int RETRY_AFTER_SECONDS = 5;

  private final AtomicBoolean ready = new AtomicBoolean();

  @EventListener(ApplicationReadyEvent.class)
  void open() {
    ready.set(true);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (ready.get()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(503);
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // Bytes, not the writer: JSON is UTF-8, and a writer would add the container's default
    // charset (ISO-8859-1) to the Content-Type.
    response
        .getOutputStream()
        .write(
            ("{\"type\":\""
                    + ProblemHandler.TYPE_BASE
                    + "starting\",\"title\":\"Service unavailable\",\"status\":503,"
                    + "\"detail\":\"The registry is still starting (loading its first data); "
                    + "try again in a few seconds\"}")
                .getBytes(StandardCharsets.UTF_8));
  }
}
