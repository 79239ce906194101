package dev.lexigram.cache.near;

import dev.lexigram.cache.serial.Serializer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A serializer that, once armed, holds the next read (the decoding of a server's reply, on the
 * reading thread) until released: the moment between a read's reply and its completion, where an
 * invalidation can overtake it.
 */
final class PausingSerializer implements Serializer {

  private final Serializer delegate;
  private volatile CountDownLatch reached;
  private volatile CountDownLatch release;

  PausingSerializer(Serializer delegate) {
    this.delegate = delegate;
  }

  /** Arms the pause for the next read. */
  void pauseNextRead() {
    reached = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  /** Waits until the paused read has its reply. */
  void awaitPaused() throws InterruptedException {
    if (!reached.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the read never reached the serializer");
    }
  }

  /** Lets the paused read go on. */
  void resume() {
    release.countDown();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public byte[] serialize(Object value) {
    return delegate.serialize(value);
  }

  @Override
  public Object deserialize(byte[] payload) {
    return pause(delegate.deserialize(payload));
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    return pause(delegate.deserialize(bytes, offset, length));
  }

  private Object pause(Object value) {
    CountDownLatch arrived = reached;
    CountDownLatch go = release;
    if (arrived != null && arrived.getCount() > 0) {
      reached = null;
      arrived.countDown();
      try {
        if (!go.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the paused read was never resumed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return value;
  }
}
