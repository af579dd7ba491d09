package org.rightsregistry.server;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collaborators shared by every feature. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  /** The one source of time: tests replace it to control validity windows and timestamps. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
