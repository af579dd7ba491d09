package org.rightsregistry.server.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credential and rate-limit settings.
 *
 * @param requestsPerMinute the most requests one credential may make per minute; a credential may
 *     be issued with a lower limit
 * @param failedAuthenticationsPerMinute how many invalid credentials one address may present per
 *     minute before it is refused (429) without the credential being looked at
 * @param tokenLifetime how long an issued credential lasts when the request names no expiry
 * @param maxTokenLifetime the longest expiry a request may ask for
 * @param operatorToken an operator credential ({@code rr_…}) to accept, from configuration; when
 *     blank the first start creates an operator and prints a credential once
 */
@ConfigurationProperties("rightsregistry.security")
public record SecurityProperties(
    @DefaultValue("1200") int requestsPerMinute,
    @DefaultValue("10") int failedAuthenticationsPerMinute,
    @DefaultValue("90d") Duration tokenLifetime,
    @DefaultValue("730d") Duration maxTokenLifetime,
    String operatorToken) {

  public SecurityProperties {
    if (requestsPerMinute < 1 || failedAuthenticationsPerMinute < 1) {
      throw new IllegalArgumentException(
          "rightsregistry.security.requests-per-minute and failed-authentications-per-minute "
              + "must be at least 1");
    }
  }
}
