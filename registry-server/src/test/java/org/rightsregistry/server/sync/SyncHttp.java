package org.rightsregistry.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rightsregistry.client.offline.Snapshot;
import org.rightsregistry.client.offline.SnapshotFormat;
import org.rightsregistry.server.RegistryHttp;
import tools.jackson.databind.JsonNode;

/** Reads snapshots as bytes and the change feed page by page, over loopback. */
final class SyncHttp {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final RegistryHttp http;
  private final URI base;

  SyncHttp(int port) {
    this.http = new RegistryHttp(port);
    this.base = http.base();
  }

  /** GETs a path with request headers given as name, value, name, value, ... */
  HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The current snapshot, read with the client library's reader. */
  Snapshot snapshot() {
    HttpResponse<byte[]> response = get("/v1/snapshot");
    assertThat(response.statusCode()).isEqualTo(200);
    return SnapshotFormat.read(new ByteArrayInputStream(response.body()));
  }

  /** One page of the change feed. */
  JsonNode changes(long after, int limit) {
    RegistryHttp.Response page = http.get("/v1/changes?after=" + after + "&limit=" + limit);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json();
  }

  /** Every change from {@code after} up to the head, following {@code next} links. */
  List<JsonNode> allChanges(long after, int limit) {
    List<JsonNode> all = new ArrayList<>();
    String path = "/v1/changes?after=" + after + "&limit=" + limit;
    while (path != null) {
      RegistryHttp.Response page = http.get(path);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      JsonNode json = page.json();
      json.get("changes").forEach(all::add);
      path = json.has("next") ? json.get("next").asString() : null;
    }
    return all;
  }
}
