package org.rightsregistry.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rightsregistry.server.party.ChallengeFetcher;
import org.rightsregistry.server.party.TxtResolver;

/**
 * Stands in for the web and DNS in tests: a local HTTP server on loopback serves each domain's
 * files under {@code /<domain>/…}, and TXT records come from memory. No test contacts another host
 * or looks up real DNS.
 */
public final class TestDomains implements ChallengeFetcher, TxtResolver, AutoCloseable {

  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  public TestDomains() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String body = files.get(exchange.getRequestURI().getPath());
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
  }

  /** Serves {@code body} at {@code http://<domain><path>}. */
  public void serve(String domain, String path, String body) {
    files.put("/" + domain + path, body);
  }

  public void setTxt(String name, List<String> records) {
    txt.put(name, List.copyOf(records));
  }

  @Override
  public String fetch(String domain, String path) throws IOException {
    URI local =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + domain + path);
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("http://" + domain + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public List<String> txt(String name) {
    return txt.getOrDefault(name, List.of());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
