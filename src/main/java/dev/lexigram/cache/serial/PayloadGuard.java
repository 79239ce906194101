package dev.lexigram.cache.serial;

/**
 * A serializer that verifies payloads before reading them and counts the ones it refuses. The
 * signing serializer built by {@link Serializers.Builder#signingKeys} implements it, so callers
 * can test {@code serializer instanceof PayloadGuard} to report rejections as a metric.
 */
public interface PayloadGuard {

  /**
   * Returns how many payloads this instance refused as unsigned or tampered since it was built.
   *
   * @return a count, zero or more; thread-safe and monotonic
   */
  long rejectedPayloads();
}
