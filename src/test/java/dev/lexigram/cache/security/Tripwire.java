package dev.lexigram.cache.security;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the planted classes did, if anything ever ran them: initialised, constructed, deserialized. */
final class Tripwire {

  static final AtomicInteger INITIALISED = new AtomicInteger();
  static final AtomicInteger CONSTRUCTED = new AtomicInteger();
  static final AtomicInteger READ_OBJECT = new AtomicInteger();

  private Tripwire() {}

  static int total() {
    return INITIALISED.get() + CONSTRUCTED.get() + READ_OBJECT.get();
  }
}
