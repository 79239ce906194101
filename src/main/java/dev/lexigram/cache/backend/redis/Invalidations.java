package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.near.Generations;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import java.util.List;

/** Reading what Redis says about client tracking: invalidation pushes, and whether a connection tracks. */
final class Invalidations {

  /** What {@link #names} returns for a push that is not an invalidation. */
  private static final List<?> NOT_AN_INVALIDATION = List.of();

  private Invalidations() {}

  /**
   * Returns the key names of an {@code invalidate} push, null when it names none (the server was
   * flushed: every key changed), or {@link #NOT_AN_INVALIDATION}.
   */
  private static List<?> names(PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return NOT_AN_INVALIDATION;
    }
    List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
    Object names = content.size() > 1 ? content.get(1) : null;
    return names instanceof List<?> list ? list : null;
  }

  /**
   * Hands a push to the channel: the names of an {@code invalidate} push to be forgotten, a flush
   * as a new generation (every key changed); any other push is none of its business.
   */
  static void deliver(PushMessage message, Generations generations) {
    List<?> names = names(message);
    if (names == null) {
      generations.renew(); // FLUSHALL / FLUSHDB
    } else if (names != NOT_AN_INVALIDATION) {
      generations.invalidate(names);
    }
  }

  /** Whether a {@code CLIENT INFO} line has flag {@code t}: the connection has tracking on. */
  static boolean tracks(String clientInfo) {
    for (String field : clientInfo.trim().split(" ")) {
      if (field.startsWith("flags=")) {
        return field.indexOf('t', "flags=".length()) >= 0;
      }
    }
    return false;
  }
}
