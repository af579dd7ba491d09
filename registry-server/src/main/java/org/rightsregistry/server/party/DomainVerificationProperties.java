package org.rightsregistry.server.party;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Domain proof settings.
 *
 * @param challengeLifetime how long a party has to place a challenge before it expires
 */
@ConfigurationProperties("rightsregistry.domain-verification")
record DomainVerificationProperties(@DefaultValue("7d") Duration challengeLifetime) {}
