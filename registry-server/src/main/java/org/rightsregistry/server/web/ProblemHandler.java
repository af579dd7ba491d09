package org.rightsregistry.server.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.rightsregistry.server.ForbiddenException;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.PayloadTooLargeException;
import org.rightsregistry.server.RegistryException;
import org.rightsregistry.server.TooManyRequestsException;
import org.rightsregistry.server.UnauthenticatedException;
import org.rightsregistry.server.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into an {@code application/problem+json} answer (RFC 9457) with a stable
 * type, the offending field and no Java class names.
 */
@RestControllerAdvice
class ProblemHandler {

  static final String TYPE_BASE = "https://w3id.org/rights-registry/problems/";
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    Violation first = e.violations().get(0);
    String detail =
        first.field().isEmpty() || first.message().startsWith(first.field())
            ? first.message()
            : first.field() + ": " + first.message();
    ProblemDetail problem = problem(e.status(), e.problemType(), "Invalid request", detail);
    problem.setProperty("field", first.field());
    if (first.line() > 0) {
      problem.setProperty("line", first.line());
    }
    problem.setProperty("violations", e.violations().stream().map(ProblemHandler::asMap).toList());
    return respond(problem);
  }

  @ExceptionHandler(UnauthenticatedException.class)
  ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
    ProblemDetail problem = problem(e.status(), e.problemType(), "Unauthorized", e.getMessage());
    problem.setProperty("field", HttpHeaders.AUTHORIZATION);
    return ResponseEntity.status(e.status())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rights-registry\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    ProblemDetail problem = problem(e.status(), e.problemType(), "Forbidden", e.getMessage());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    if (e.line() > 0) {
      problem.setProperty("line", e.line());
    }
    return respond(problem);
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    ProblemDetail problem =
        problem(e.status(), e.problemType(), "Too many requests", e.getMessage());
    return ResponseEntity.status(e.status())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
    ProblemDetail problem =
        problem(e.status(), e.problemType(), titleOf(e.status()), e.getMessage());
    if (e.line() > 0) {
      problem.setProperty("line", e.line());
    }
    return respond(problem);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return respond(
        problem(
            406,
            "not-acceptable",
            "Not acceptable",
            "This resource is available as "
                + e.getSupportedMediaTypes()
                + "; ask for one of them"
                + " in Accept, or send no Accept header"));
  }

  @ExceptionHandler(RegistryException.class)
  ResponseEntity<ProblemDetail> refused(RegistryException e) {
    return respond(problem(e.status(), e.problemType(), titleOf(e.status()), e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badPathValue(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        problem(
            400,
            "invalid-field",
            "Invalid request",
            "'"
                + e.getValue()
                + "' is not a valid "
                + e.getName()
                + ": expected "
                + expected(e.getRequiredType()));
    problem.setProperty("field", e.getName());
    return respond(problem);
  }

  private static String expected(Class<?> type) {
    if (type == java.util.UUID.class) {
      return "a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    return "a value of another form; see /v1/openapi.yaml";
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
    ProblemDetail problem =
        problem(
            400,
            "missing-header",
            "Invalid request",
            "The header " + e.getHeaderName() + " is required");
    problem.setProperty("field", e.getHeaderName());
    return respond(problem);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return respond(
        problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Send " + e.getSupportedMediaTypes() + ", not " + e.getContentType()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return respond(
        problem(
            405,
            "method-not-allowed",
            "Method not allowed",
            e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
    return respond(
        problem(
            404,
            "not-found",
            "Not found",
            "There is nothing at /"
                + e.getResourcePath()
                + "; the API is described at "
                + "/v1/openapi.yaml"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected failure while handling a request", e);
    return respond(
        problem(
            500,
            "internal-error",
            "Internal error",
            "The registry failed unexpectedly; nothing was stored. Try again later."));
  }

  private static ProblemDetail problem(int status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static Map<String, Object> asMap(Violation violation) {
    return violation.line() > 0
        ? Map.of(
            "field", violation.field(), "message", violation.message(), "line", violation.line())
        : Map.of("field", violation.field(), "message", violation.message());
  }

  private static String titleOf(int status) {
    HttpStatus resolved = HttpStatus.resolve(status);
    return resolved == null ? "Error" : resolved.getReasonPhrase();
  }

  static List<String> problemTypes() {
    return List.of(
        "invalid-field",
        "malformed-json",
        "not-found",
        "payload-too-large",
        "already-revoked",
        "already-superseded",
        "idempotency-key-reused",
        "unauthenticated",
        "insufficient-scope",
        "not-allowed",
        "party-suspended",
        "too-many-requests",
        "party-exists",
        "challenge-used",
        "challenge-expired",
        "challenge-failed",
        "already-revoked-authorisation",
        "missing-header",
        "unsupported-media-type",
        "method-not-allowed",
        "internal-error");
  }
}
