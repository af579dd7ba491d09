package org.rightsregistry.server;

import java.time.Clock;
import java.util.Map;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collaborators shared by every feature. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  /** Serves the OpenAPI document (a static file) as YAML rather than as unknown bytes. */
  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> yamlMediaType() {
    return factory -> factory.addMimeMappings(new MimeMappings(Map.of("yaml", "application/yaml")));
  }

  /** The one source of time: tests replace it to control validity windows and timestamps. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
