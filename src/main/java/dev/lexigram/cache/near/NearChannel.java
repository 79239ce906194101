package dev.lexigram.cache.near;

/**
 * How a backend tells its near caches what changed on the server. It hands out a generation:
 * a local copy is answered only while the generation it was read under is still the current one,
 * so a channel that may have missed invalidations (a disconnect, a silent connection, tracking
 * lost on a reconnect) drops every copy at once by moving to a new generation. While the channel
 * cannot vouch for its invalidations the generation is negative: nothing is answered locally and
 * nothing new is kept.
 *
 * <p>A channel delivers invalidations by server-side name to the {@link NearEntries} attached to
 * it whose namespace the name starts with.
 */
public interface NearChannel {

  /** A channel that never hears of another process's writes (memcached): always generation 0. */
  NearChannel NONE = new NearChannel() {
    @Override
    public long generation() {
      return 0;
    }

    @Override
    public void attach(NearEntries entries) {
      // no invalidations to deliver: max_ttl bounds what another process's write leaves stale
    }

    @Override
    public void detach(NearEntries entries) {
      // nothing attached
    }
  };

  /**
   * Returns the current generation: zero or positive while local copies of this generation may be
   * answered, negative while none may.
   */
  long generation();

  /** Starts delivering invalidations of names in the entries' namespace to them. */
  void attach(NearEntries entries);

  /** Stops delivering to the entries. */
  void detach(NearEntries entries);
}
