package org.rightsregistry.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registry's HTTP API as one caller sees it: JSON in and out, with or without a bearer
 * credential. A 429 is waited out (its {@code Retry-After}) and retried, since a conformance run
 * writes in bursts that a registry's rate limit may slow but should not fail.
 */
public final class RegistryConnection {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_RETRIES = 20;

  private final HttpClient client;
  private final URI base;
  private final String token;

  /**
   * A connection to the registry at {@code base}, without a credential.
   *
   * @param base the registry's root, such as {@code http://127.0.0.1:8080}
   */
  public RegistryConnection(URI base) {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base, null);
  }

  private RegistryConnection(HttpClient client, URI base, String token) {
    this.client = client;
    this.base = base;
    this.token = token;
  }

  /** The same registry, calling with {@code Authorization: Bearer <token>}. */
  RegistryConnection as(String bearer) {
    return new RegistryConnection(client, base, bearer);
  }

  /** The same registry, calling anonymously. */
  RegistryConnection anonymous() {
    return new RegistryConnection(client, base, null);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** POSTs a JSON document and returns the answer, whatever its status. */
  Reply post(String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build(), path);
  }

  /** GETs a resource as bytes, such as the snapshot; anything but 200 is a load failure. */
  byte[] getBytes(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new LoadFailure("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + base.resolve(path) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + base.resolve(path), e);
    }
  }

  private Reply send(HttpRequest request, String path) {
    try {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 429 || attempt == MAX_RETRIES) {
          return new Reply(path, response.statusCode(), response.body());
        }
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
        Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + base.resolve(path) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + base.resolve(path), e);
    }
  }

  /**
   * An answer of the registry.
   *
   * @param path the path that was called
   * @param status the HTTP status
   * @param body the body as text
   */
  record Reply(String path, int status, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    /** The body, parsed, when the registry accepted the request (any 2xx status). */
    JsonNode expectSuccess(String what) {
      if (status / 100 != 2) {
        throw new LoadFailure(what + ": POST " + path + " answered " + status + " " + body);
      }
      return json();
    }
  }

  /** The registry refused or failed a request the runner needed to lay out a case. */
  static final class LoadFailure extends RuntimeException {

    LoadFailure(String message) {
      super(message);
    }
  }
}
