package dev.lexigram.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResultTest {

  private final CacheError error = new CacheError(CacheError.Kind.CONNECTION, "redis at 127.0.0.1:6379 refused", new IOException("refused"));

  @Test
  void ok_queries_reportSuccess() {
    Result<String> ok = Result.ok("v");
    assertThat(ok.isOk()).isTrue();
    assertThat(ok.isErr()).isFalse();
    assertThat(ok.unwrap()).isEqualTo("v");
    assertThat(ok.unwrapOr("fallback")).isEqualTo("v");
    assertThat(ok.error()).isNull();
    assertThat(ok.toOptional()).contains("v");
    assertThat(ok).isEqualTo(new Result.Ok<>("v"));
  }

  @Test
  void err_queries_reportFailure() {
    Result<String> err = Result.err(error);
    assertThat(err.isOk()).isFalse();
    assertThat(err.isErr()).isTrue();
    assertThat(err.unwrapOr("fallback")).isEqualTo("fallback");
    assertThat(err.error()).isSameAs(error);
    assertThat(err.toOptional()).isEmpty();
  }

  @Test
  void unwrap_err_throwsNamingTheErrorWithCause() {
    Result<String> err = Result.err(error);
    assertThatThrownBy(err::unwrap)
        .isInstanceOf(Result.ResultException.class)
        .hasMessageContaining("CONNECTION")
        .hasMessageContaining("refused")
        .hasCauseInstanceOf(IOException.class)
        .satisfies(e -> assertThat(((Result.ResultException) e).error()).isSameAs(error));
  }

  @Test
  void map_ok_appliesAndErr_passesThrough() {
    assertThat(Result.ok(2).map(n -> n * 21).unwrap()).isEqualTo(42);
    Result<Integer> err = Result.err(error);
    assertThat(err.map(n -> n * 21).error()).isSameAs(error);
  }

  @Test
  void flatMap_chainsAndShortCircuits() {
    assertThat(Result.ok(2).flatMap(n -> Result.ok("n=" + n)).unwrap()).isEqualTo("n=2");
    assertThat(Result.ok(2).flatMap(n -> Result.<String>err(error)).error()).isSameAs(error);
    Result<Integer> err = Result.err(error);
    assertThat(err.flatMap(n -> Result.ok("never")).isErr()).isTrue();
  }

  @Test
  void patternMatching_recordsDeconstruct() {
    Result<String> result = Result.err(error);
    String described;
    if (result instanceof Result.Ok<String> ok) {
      described = "ok " + ok.value();
    } else if (result instanceof Result.Err<String> err) {
      described = "err " + err.error().kind();
    } else {
      described = "impossible";
    }
    assertThat(described).isEqualTo("err CONNECTION");
  }

  @Test
  void toOptional_okOfNull_isEmpty() {
    assertThat(Result.<Void>ok(null).toOptional()).isEmpty();
  }
}
