package org.rightsregistry.client;

/**
 * The kind of content an item is. A statement may be restricted to some modalities (an images-only
 * reservation does not touch text), and an item may name its modality.
 */
public enum Modality {
  /** Still images: photographs, paintings, drawings. */
  IMAGE("image"),
  /** Written text. */
  TEXT("text"),
  /** Sound recordings and music. */
  AUDIO("audio"),
  /** Moving images. */
  VIDEO("video");

  private final String id;

  Modality(String id) {
    this.id = id;
  }

  /**
   * Returns the id used on the wire.
   *
   * @return the id, such as {@code image}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the modality with the given id.
   *
   * @param id {@code image}, {@code text}, {@code audio} or {@code video}
   * @return the modality
   * @throws IllegalArgumentException if no modality has that id
   */
  public static Modality fromId(String id) {
    for (Modality modality : values()) {
      if (modality.id.equals(id)) {
        return modality;
      }
    }
    throw new IllegalArgumentException(
        "Unknown modality '" + id + "'; valid ids are: image, text, audio, video");
  }
}
