package org.rightsregistry.server.vocabulary;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The representations the vocabulary and linked declarations are served in, and how to choose. */
enum RdfFormat {
  HTML(MediaType.TEXT_HTML, null),
  TURTLE(MediaType.valueOf("text/turtle"), Lang.TURTLE),
  JSON_LD(MediaType.valueOf("application/ld+json"), Lang.JSONLD),
  RDF_XML(MediaType.valueOf("application/rdf+xml"), Lang.RDFXML),
  N_TRIPLES(MediaType.valueOf("application/n-triples"), Lang.NTRIPLES);

  final MediaType mediaType;
  final Lang lang;

  RdfFormat(MediaType mediaType, Lang lang) {
    this.mediaType = mediaType;
    this.lang = lang;
  }

  /**
   * The format the Accept header prefers, by quality and then by the order the client wrote; Turtle
   * when it accepts anything or sends no header; empty when it accepts none of them.
   */
  static Optional<RdfFormat> negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(TURTLE);
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return Optional.of(TURTLE);
    }
    return accepted.stream()
        .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
        .filter(type -> type.getQualityValue() > 0)
        .map(RdfFormat::firstIncludedBy)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<RdfFormat> firstIncludedBy(MediaType accepted) {
    if (accepted.isWildcardType()) {
      return Optional.of(TURTLE);
    }
    for (RdfFormat format : values()) {
      if (accepted.includes(format.mediaType)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  static List<String> names() {
    return java.util.Arrays.stream(values()).map(format -> format.mediaType.toString()).toList();
  }
}
