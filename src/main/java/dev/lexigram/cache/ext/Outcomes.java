package dev.lexigram.cache.ext;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.CacheError.Kind;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.serial.SerializationException;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.tag.InvalidTagException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriterException;

/**
 * The one boundary where exceptions become results: {@link #capture} runs a call and maps any
 * failure to a {@link CacheError} of the right kind. An interrupted call keeps the thread's
 * interrupt flag set. Only {@link VirtualMachineError}s pass through. Public for the capability
 * packages beside the cache layer ({@code lock}); not part of the API.
 */
public final class Outcomes {

  private Outcomes() {}

  /** Returns the call's value as a result, or its failure as an error result. */
  public static <T> Result<T> capture(Callable<T> call) {
    try {
      return Result.ok(call.call());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      return Result.err(toError(e));
    }
  }

  static Result<Void> run(Runnable call) {
    return capture(() -> {
      call.run();
      return null;
    });
  }

  /**
   * Runs a result-returning call on the executor; the stage always completes normally, with the
   * call's result, so the caller's thread never waits and never sees an exception.
   */
  public static <T> CompletionStage<Result<T>> async(Executor executor, Supplier<Result<T>> call) {
    try {
      return CompletableFuture.supplyAsync(call, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(Result.err(new CacheError(Kind.BACKEND,
          "The cache's executor refused the call (is the manager closing?): " + e.getMessage(), e)));
    }
  }

  /**
   * Starts a call that returns a stage and maps its value; the returned stage always completes
   * normally, with {@code Ok} of the mapped value or {@code Err} of the failure, whether the call
   * threw or its stage failed.
   */
  static <T, R> CompletionStage<Result<R>> fromStage(Supplier<? extends CompletionStage<T>> call, Function<? super T, R> toValue) {
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      return CompletableFuture.completedFuture(Result.err(toError(e)));
    }
    return stage.handle((value, failure) -> {
      if (failure != null) {
        return Result.err(toError(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
      }
      return capture(() -> toValue.apply(value));
    });
  }

  static CacheError toError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return new CacheError(Kind.TIMEOUT, "The call was interrupted before it finished; the thread's interrupt flag is set", failure);
      }
      if (t instanceof StoreException store) {
        return new CacheError(Kind.valueOf(store.kind().name()), store.getMessage(), failure);
      }
      if (t instanceof SerializationException) {
        return new CacheError(Kind.SERIALIZATION, messageOf(failure), failure);
      }
      if (t instanceof TimeoutException) {
        return new CacheError(Kind.TIMEOUT, messageOf(t), failure);
      }
    }
    return new CacheError(kindOf(failure), messageOf(failure), failure);
  }

  private static Kind kindOf(Throwable failure) {
    Throwable t = unwrapProcessor(failure);
    if (t instanceof NullPointerException) {
      return Kind.INVALID_KEY;
    }
    if (t instanceof ClassCastException) {
      return String.valueOf(t.getMessage()).startsWith("Key") ? Kind.INVALID_KEY : Kind.UNSUPPORTED;
    }
    if (t instanceof InvalidPatternException || t instanceof InvalidTagException) {
      return Kind.INVALID_KEY;
    }
    if (t instanceof UnsupportedOperationException) {
      return Kind.UNSUPPORTED;
    }
    if (t instanceof IllegalStateException) {
      return Kind.CONFIGURATION;
    }
    return Kind.BACKEND;
  }

  private static Throwable unwrapProcessor(Throwable failure) {
    if (failure instanceof javax.cache.processor.EntryProcessorException && failure.getCause() != null) {
      return failure.getCause();
    }
    return failure;
  }

  private static String messageOf(Throwable failure) {
    Throwable t = unwrapProcessor(failure);
    String what;
    if (t instanceof CacheLoaderException) {
      what = "The cache loader failed: ";
    } else if (t instanceof CacheWriterException) {
      what = "The cache writer failed: ";
    } else if (t instanceof CacheEntryListenerException) {
      what = "A cache entry listener failed: ";
    } else if (t instanceof NullPointerException) {
      what = "A key or value is null; caches hold no nulls: ";
    } else {
      what = "";
    }
    String message = t.getMessage();
    return what + (message == null ? t.getClass().getName() : message);
  }
}
