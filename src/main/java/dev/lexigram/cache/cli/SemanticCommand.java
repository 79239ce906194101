package dev.lexigram.cache.cli;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticHit;
import dev.lexigram.cache.SemanticRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.cache.CacheManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code semantic lookup NAME PROMPT}: what a semantic cache would answer, and how. */
@Command(name = "semantic", description = "Semantic caches of LLM answers.")
final class SemanticCommand {

  @ParentCommand LexigramCli cli;

  @Command(name = "lookup", description = "Look a prompt up; exit 1 when nothing answers it.")
  int lookup(@Parameters(paramLabel = "NAME", description = "a cache declared under cache.semantic") String name,
      @Parameters(paramLabel = "PROMPT", arity = "1..*") List<String> words,
      @Option(names = "--partition", split = ",", description = "the partition (model, tenant, …)")
      List<String> partition) {
    String prompt = String.join(" ", words);
    try (CacheManager manager = cli.open()) {
      SemanticRequest request = SemanticRequest.of(prompt);
      if (partition != null) {
        request = request.withPartition(partition.toArray(new String[0]));
      }
      Result<Optional<SemanticHit>> hit = manager.unwrap(LexigramCacheManager.class).semanticCache(name).lookup(request);
      if (hit.isErr()) {
        return cli.failed(hit.error());
      }
      if (hit.unwrap().isEmpty()) {
        cli.err().println("lexigram-cache: no answer for that prompt in semantic cache '" + name + "'");
        return ExitCodes.NOT_FOUND;
      }
      SemanticHit found = hit.unwrap().get();
      if (cli.printer().json()) {
        Map<String, Object> asJson = new LinkedHashMap<>();
        asJson.put("answer", found.answer());
        asJson.put("tier", found.tier().name().toLowerCase(Locale.ROOT));
        asJson.put("similarity", found.similarity());
        asJson.put("storedPrompt", found.storedPrompt());
        cli.printer().value(asJson);
      } else {
        cli.printer().text(String.format("%s hit, similarity %.3f, stored prompt: %s", found.tier(), found.similarity(),
            found.storedPrompt()));
        cli.printer().text(found.answer());
      }
      return ExitCodes.OK;
    }
  }
}
