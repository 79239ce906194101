package dev.lexigram.cache.ext;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.Result;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The extension calls of one cache that returned an error, by kind: {@link Outcomes} with a count
 * of every {@code Err} it makes. A call that succeeds costs nothing more (successes are in the
 * JCache statistics).
 */
public final class ErrorCounts {

  private final LongAdder[] byKind = new LongAdder[CacheError.Kind.values().length];

  public ErrorCounts() {
    for (int i = 0; i < byKind.length; i++) {
      byKind[i] = new LongAdder();
    }
  }

  /** Returns how many extension calls of the cache returned an error of this kind. */
  public long count(CacheError.Kind kind) {
    return byKind[kind.ordinal()].sum();
  }

  <T> Result<T> counted(Result<T> result) {
    CacheError error = result.error();
    if (error != null) {
      byKind[error.kind().ordinal()].increment();
    }
    return result;
  }

  <T> Result<T> capture(Callable<T> call) {
    return counted(Outcomes.capture(call));
  }

  Result<Void> run(Runnable call) {
    return counted(Outcomes.run(call));
  }

  <T, R> CompletionStage<Result<R>> fromStage(Supplier<? extends CompletionStage<T>> call,
      Function<? super T, R> toValue) {
    return Outcomes.fromStage(call, toValue).thenApply(this::counted);
  }
}
