package org.rightsregistry.client.offline;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads from an unsynchronised buffer: {@code DataInputStream} over a {@code
 * BufferedInputStream} takes a lock for every byte, which made reading a snapshot several times
 * slower.
 */
final class ByteSource {

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;

  ByteSource(InputStream in) {
    this.in = in;
  }

  int readUnsignedByte() throws IOException {
    if (position == limit && !fill()) {
      throw new EOFException("the snapshot body ends early");
    }
    return buffer[position++] & 0xFF;
  }

  boolean readBoolean() throws IOException {
    int value = readUnsignedByte();
    if (value > 1) {
      throw new IllegalArgumentException("a flag byte is " + value + ", not 0 or 1");
    }
    return value == 1;
  }

  int readInt() throws IOException {
    return readUnsignedByte() << 24
        | readUnsignedByte() << 16
        | readUnsignedByte() << 8
        | readUnsignedByte();
  }

  long readLong() throws IOException {
    return (long) readInt() << 32 | (readInt() & 0xFFFF_FFFFL);
  }

  long readVarLong() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("a variable-length number is longer than 64 bits");
  }

  String readString(int length) throws IOException {
    if (limit - position >= length) {
      String value = new String(buffer, position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) readUnsignedByte();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Tells whether any byte is left. */
  boolean atEnd() throws IOException {
    return position == limit && !fill();
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    while (read == 0) {
      read = in.read(buffer, 0, buffer.length);
    }
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }
}
