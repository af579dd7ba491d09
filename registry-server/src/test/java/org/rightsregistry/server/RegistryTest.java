package org.rightsregistry.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole server on a random loopback port and a throw-away embedded PostgreSQL.
 * Every class with this annotation shares one application context (and so one database), so tests
 * must not assume the registry is empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RegistryTest.Collaborators.class)
public @interface RegistryTest {

  /** Test stand-ins for the outside world: the web and DNS of the domains parties prove. */
  @TestConfiguration(proxyBeanMethods = false)
  class Collaborators {

    @Bean(destroyMethod = "close")
    TestDomains testDomains() {
      return new TestDomains();
    }
  }
}
