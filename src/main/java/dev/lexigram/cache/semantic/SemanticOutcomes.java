package dev.lexigram.cache.semantic;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.CacheError.Kind;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.ext.Outcomes;
import dev.lexigram.cache.semantic.embed.EmbeddingException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Where a semantic cache's failures become results: its own exceptions first, then {@link Outcomes}. */
final class SemanticOutcomes {
  private SemanticOutcomes() {}

  static <T> Result<T> capture(Callable<T> call) {
    try {
      return Result.ok(call.call());
    } catch (Result.ResultException e) {
      return Result.err(e.error());
    } catch (InvalidPromptException e) {
      return Result.err(new CacheError(Kind.INVALID_KEY, e.getMessage(), e));
    } catch (EmbeddingException e) {
      return Result.err(new CacheError(Kind.BACKEND, e.getMessage(), e));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      return Outcomes.capture(() -> {
        throw e;
      });
    }
  }

  static <T> CompletionStage<Result<T>> async(Executor executor, Supplier<Result<T>> call) {
    return Outcomes.async(executor, call);
  }
}
