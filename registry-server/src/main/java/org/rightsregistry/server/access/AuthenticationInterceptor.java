package org.rightsregistry.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.rightsregistry.server.ForbiddenException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authenticates every API request before its handler runs, and refuses early what the matrix
 * refuses on the credential alone (no credential, a missing scope). An endpoint missing from the
 * matrix is refused unless it only reads.
 */
final class AuthenticationInterceptor implements HandlerInterceptor {

  static final String CALLER = AuthenticationInterceptor.class.getName() + ".caller";

  private final Authenticator authenticator;
  private final AccessPolicy policy;

  AuthenticationInterceptor(Authenticator authenticator, AccessPolicy policy) {
    this.authenticator = authenticator;
    this.policy = policy;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Caller caller =
        authenticator.authenticate(
            request.getHeader(HttpHeaders.AUTHORIZATION), request.getRemoteAddr());
    request.setAttribute(CALLER, caller);
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null) {
      return true;
    }
    Optional<Operation> operation = Operation.of(request.getMethod(), pattern.toString());
    if (operation.isPresent()) {
      policy.requireScope(operation.get(), caller);
    } else if (!isRead(request.getMethod())) {
      throw new ForbiddenException(
          "not-allowed",
          null,
          request.getMethod()
              + " "
              + pattern
              + " is missing from the authorisation matrix, so it is refused");
    }
    return true;
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }
}
