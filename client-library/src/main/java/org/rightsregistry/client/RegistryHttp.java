package org.rightsregistry.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One {@code POST /v1/checks} exchange with the registry. */
final class RegistryHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient httpClient;
  private final URI endpoint;
  private final Duration requestTimeout;
  private final String credential;

  /** A credential of null checks anonymously. */
  RegistryHttp(HttpClient httpClient, URI registry, Duration requestTimeout, String credential) {
    this.httpClient = httpClient;
    this.endpoint = registry.resolve("v1/checks");
    this.requestTimeout = requestTimeout;
    this.credential = credential;
  }

  /**
   * Asks the registry about a batch of items.
   *
   * @throws RegistryUnavailableException if no usable answer came back
   * @throws RegistryRequestException if the registry refused the request as malformed
   */
  List<Decision> check(JsonNode body, int items, Usage usage) throws RegistryUnavailableException {
    HttpResponse<byte[]> response = send(request(body));
    int status = response.statusCode();

    if (status >= 200 && status < 300) {
      return CheckDocuments.decisions(read(response.body()), usage, items);
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      throw Problems.requestException(status, response.body(), JSON);
    }
    throw new RegistryUnavailableException("it answered HTTP " + status);
  }

  private HttpRequest request(JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    if (credential != null) {
      request.header("Authorization", "Bearer " + credential);
    }
    return request.build();
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws RegistryUnavailableException {
    try {
      return httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new RegistryUnavailableException("connecting to it timed out");
    } catch (HttpTimeoutException e) {
      throw new RegistryUnavailableException(
          "it did not answer within the request timeout of " + requestTimeout);
    } catch (ConnectException e) {
      throw new RegistryUnavailableException("the connection was refused or failed");
    } catch (IOException e) {
      throw new RegistryUnavailableException("the exchange failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("the check was interrupted");
    }
  }

  private static JsonNode read(byte[] body) throws RegistryUnavailableException {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new RegistryUnavailableException("its answer is not valid JSON");
    }
  }
}
