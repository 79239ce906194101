package dev.lexigram.cache.benchmarks;

import java.util.Map;

/**
 * One client of a remote cache server under measurement, reduced to the three calls the remote
 * benchmarks make. Each JMH fork opens one candidate only, so the calls through this interface
 * stay monomorphic.
 */
interface RemoteCandidate extends AutoCloseable {

  /** Returns the value stored under the key, or null. */
  byte[] get(String key);

  /** Stores the value under the key, waiting for the server's acknowledgement. */
  void put(String key, byte[] value);

  /** Returns the values of the group's keys that are present (one call for the whole group). */
  Map<String, byte[]> getAll(KeyGroup group);

  /** Closes the client and whatever was opened for it (not the server). */
  @Override
  void close();
}
