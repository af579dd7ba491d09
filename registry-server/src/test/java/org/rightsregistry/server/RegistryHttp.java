package org.rightsregistry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to the running server over loopback. */
public final class RegistryHttp {

  private static final JsonMapper json = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  public RegistryHttp(int port) {
    this(URI.create("http://127.0.0.1:" + port), null);
  }

  private RegistryHttp(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same client sending {@code Authorization: Bearer <token>}. */
  public RegistryHttp as(String token) {
    return new RegistryHttp(base, "Bearer " + token);
  }

  /** The same client sending an Authorization header exactly as given. */
  public RegistryHttp withAuthorization(String header) {
    return new RegistryHttp(base, header);
  }

  /** The same client without a credential. */
  public RegistryHttp anonymous() {
    return new RegistryHttp(base, null);
  }

  public URI base() {
    return base;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Response postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  public Response post(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private Response send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().firstValue("Location").orElse(null),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer: status, content type and body, with the body parsed on demand. */
  public record Response(
      int status,
      String contentType,
      String body,
      String location,
      java.net.http.HttpHeaders headers) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
      return json.readTree(body);
    }

    public boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }
  }
}
