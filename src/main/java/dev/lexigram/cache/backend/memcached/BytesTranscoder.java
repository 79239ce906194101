package dev.lexigram.cache.backend.memcached;

import net.spy.memcached.CachedData;
import net.spy.memcached.transcoders.Transcoder;

/**
 * Hands byte arrays to spymemcached and back untouched: the store encodes its records itself.
 * The size limit is left to the server (its {@code -I}), which the store checks before writing.
 */
enum BytesTranscoder implements Transcoder<byte[]> {
  INSTANCE;

  @Override
  public boolean asyncDecode(CachedData data) {
    return false;
  }

  @Override
  public CachedData encode(byte[] bytes) {
    return new CachedData(0, bytes, Integer.MAX_VALUE);
  }

  @Override
  public byte[] decode(CachedData data) {
    return data.getData();
  }

  @Override
  public int getMaxSize() {
    return Integer.MAX_VALUE;
  }
}
