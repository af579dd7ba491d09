package org.rightsregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The served OpenAPI document describes exactly the endpoints the server has. */
@RegistryTest
class OpenApiDocumentTest {

  @Value("${local.server.port}")
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointIsDescribedAndEveryDescribedPathExists() {
    RegistryHttp.Response served = new RegistryHttp(port).get("/v1/openapi.yaml");
    assertThat(served.contentType()).startsWith("application/yaml");
    assertThat(served.status()).isEqualTo(200);
    JsonNode document = YAMLMapper.builder().build().readTree(served.body());

    Set<String> described = new HashSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation ->
                            described.add(operation.getKey().toUpperCase() + " " + path.getKey())));
    Set<String> implemented = new HashSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues()
                    .forEach(
                        pattern ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(
                                    method -> implemented.add(method.name() + " " + pattern))));
    implemented.removeIf(
        endpoint ->
            !endpoint.contains(" /v1/")
                && !endpoint.contains(" /vocab")
                && !endpoint.contains(" /schemas/"));

    assertThat(described).isEqualTo(implemented);
  }
}
