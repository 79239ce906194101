package dev.lexigram.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SemanticCache#getOrCompute} returns: the answer, and the hit that gave it, or none
 * when it was computed (by this call, or by a concurrent call it waited for).
 *
 * @param answer the answer; never null
 * @param hit the cached answer's hit; empty when the answer was computed
 */
public record SemanticAnswer(String answer, Optional<SemanticHit> hit) {

  public SemanticAnswer {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(hit, "hit");
  }

  /** Returns whether the answer was computed rather than found in the cache. */
  public boolean computed() {
    return hit.isEmpty();
  }
}
