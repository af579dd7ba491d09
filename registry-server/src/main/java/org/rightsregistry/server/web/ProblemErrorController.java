package org.rightsregistry.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what the servlet container routes to its error page (a request it could not parse, a
 * failure outside any controller) as problem+json with the real status, and a direct request for
 * the error page as not found.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.NOT_FOUND;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status,
            status == HttpStatus.NOT_FOUND
                ? "There is nothing here; the API is described at /v1/openapi.yaml"
                : "The request could not be handled: " + status.getReasonPhrase());
    String type =
        status == HttpStatus.NOT_FOUND
            ? "not-found"
            : status.is4xxClientError() ? "bad-request" : "internal-error";
    problem.setType(URI.create(ProblemHandler.TYPE_BASE + type));
    problem.setTitle(status.getReasonPhrase());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
