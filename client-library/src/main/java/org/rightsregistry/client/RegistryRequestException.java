package org.rightsregistry.client;

import java.util.Optional;

/**
 * The registry refused a check request as malformed (an HTTP 4xx answer other than 408 and 429):
 * the fault lies with the request, so retrying it unchanged will not help. The details come from
 * the registry's {@code application/problem+json} answer.
 */
public final class RegistryRequestException extends RightsRegistryException {

  private static final long serialVersionUID = 1L;

  /** The problem type of an answer that carried no problem document (RFC 9457). */
  public static final String UNTYPED = "about:blank";

  /** The HTTP status of the answer. */
  private final int status;

  /** The problem type URI. */
  private final String type;

  /** The registry's explanation. */
  private final String detail;

  /** The JSON Pointer of the offending value, or null. */
  private final String field;

  /**
   * Creates the exception from a problem document.
   *
   * @param status the HTTP status
   * @param type the problem type URI, or {@link #UNTYPED}
   * @param detail the registry's explanation
   * @param field a JSON Pointer into the request at the offending value, or null
   */
  public RegistryRequestException(int status, String type, String detail, String field) {
    super(
        "The registry refused the check request with HTTP "
            + status
            + " ("
            + type
            + (field == null ? "" : " at " + field)
            + "): "
            + detail);
    this.status = status;
    this.type = type;
    this.detail = detail;
    this.field = field;
  }

  /**
   * Returns the HTTP status of the answer.
   *
   * @return a status from 400 to 499
   */
  public int status() {
    return status;
  }

  /**
   * Returns the problem type, a stable URI that names the kind of fault.
   *
   * @return the type, such as {@code https://w3id.org/rights-registry/problems/invalid-field}
   */
  public String type() {
    return type;
  }

  /**
   * Returns the registry's explanation of this occurrence.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns where in the request the fault lies.
   *
   * @return a JSON Pointer such as {@code /items/3/url}, or empty
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
