package org.rightsregistry.client.offline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The body's framing: the compressed bytes in frames of a 4-byte length and that many bytes, ended
 * by a frame of length 0. A writer can stream a body without knowing its length, and a reader knows
 * exactly where the body ends and the checksum starts.
 */
final class Frames {

  private Frames() {}

  /** Cuts what is written into frames; {@link #close} writes the last frame and the end mark. */
  static final class Output extends OutputStream {

    private final DataOutputStream out;
    private final byte[] buffer = new byte[SnapshotFormat.MAX_FRAME_BYTES / 4];
    private int length;
    private boolean closed;

    Output(OutputStream out) {
      this.out = new DataOutputStream(out);
    }

    @Override
    public void write(int b) throws IOException {
      if (length == buffer.length) {
        flushFrame();
      }
      buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
      while (count > 0) {
        if (length == buffer.length) {
          flushFrame();
        }
        int chunk = Math.min(count, buffer.length - length);
        System.arraycopy(bytes, offset, buffer, length, chunk);
        length += chunk;
        offset += chunk;
        count -= chunk;
      }
    }

    /** Ends the body; the underlying stream stays open for the checksum. */
    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        flushFrame();
        out.writeInt(0);
        out.flush();
      }
    }

    private void flushFrame() throws IOException {
      if (length > 0) {
        out.writeInt(length);
        out.write(buffer, 0, length);
        length = 0;
      }
    }
  }

  /** Reads the bytes of the frames and reports the end of input at the end mark. */
  static final class Input extends InputStream {

    private final DataInputStream in;
    private int remaining;
    private boolean ended;

    Input(InputStream in) {
      this.in = new DataInputStream(in);
    }

    @Override
    public int read() throws IOException {
      if (!nextFrame()) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the snapshot ends inside a frame");
      }
      remaining--;
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int count) throws IOException {
      if (count == 0) {
        return 0;
      }
      if (!nextFrame()) {
        return -1;
      }
      int read = in.read(bytes, offset, Math.min(count, remaining));
      if (read < 0) {
        throw new EOFException("the snapshot ends inside a frame");
      }
      remaining -= read;
      return read;
    }

    boolean ended() {
      return ended;
    }

    /** Reads up to the end mark; true if nothing was left before it. */
    boolean skipToEnd() throws IOException {
      boolean empty = true;
      while (nextFrame()) {
        empty = false;
        in.readFully(new byte[remaining]);
        remaining = 0;
      }
      return empty;
    }

    private boolean nextFrame() throws IOException {
      while (remaining == 0 && !ended) {
        int length = in.readInt();
        if (length < 0 || length > SnapshotFormat.MAX_FRAME_BYTES) {
          throw new java.util.zip.ZipException(
              "a frame length of "
                  + length
                  + " bytes is outside 0 to "
                  + SnapshotFormat.MAX_FRAME_BYTES);
        }
        ended = length == 0;
        remaining = length;
      }
      return !ended;
    }
  }
}
