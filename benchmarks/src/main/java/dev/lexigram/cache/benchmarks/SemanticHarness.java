package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.benchmarks.SemanticReport.Row;
import dev.lexigram.cache.semantic.index.DotProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The semantic cache (issue 18) end to end, through {@code LexigramCacheManager.semanticCache}: for
 * each backend and each size N, a fresh manager (and, for Redis and memcached, a fresh server on a
 * free loopback port) stores N distinct synthetic prompts with ~200-character answers, then
 * measures single-thread lookups. Prints one markdown table per backend, and the dot product in use
 * (the Vector API's when the JVM runs with {@code --add-modules jdk.incubator.vector}).
 *
 * <pre>
 *   java [--add-modules jdk.incubator.vector] -cp benchmarks.jar dev.lexigram.cache.benchmarks.SemanticHarness
 *       [--sizes 1000,10000,100000] [--threads 2] [--lookups 300] [--warmup 30] [memory] [redis] [memcached]
 * </pre>
 *
 * Per backend and size:
 * <ul>
 *   <li><b>fill</b>: {@code store(prompt, answer)} of N prompts from {@code --threads} threads (2 by
 *       default, the machine's cores); every store embeds its prompt, so the rate is embeddings per
 *       second (plus the backend writes). The prompts come from templates × vocabulary (software
 *       set-up, cooking, travel, saving, gardening, exercise, programming, translation), each a
 *       distinct combination of slot values, in one of several equivalent phrasings of its template.
 *   <li><b>lookups</b>, one thread, {@code --lookups} timed after {@code --warmup} untimed of each kind
 *       (distinct prompts throughout), each kind in a block of its own:
 *       <ul>
 *         <li>exact: a stored prompt re-cased (upper case, or each word capitalised): must be an
 *             EXACT hit with the stored answer;
 *         <li>semantic: a light paraphrase of a stored prompt, by turns another phrasing of its
 *             template with the same slot values ("how do I" / "how can I"), "please tell me "
 *             before it, or one word swapped for a synonym ("cheapest" / "most affordable"); the
 *             table counts the SEMANTIC hits among the attempts, and the details say how many of
 *             them found the prompt paraphrased and why the others missed;
 *         <li>miss: a prompt of a family never stored (poems, book recommendations, history);
 *             must miss.
 *       </ul>
 *       The first lookup after the fill is timed on its own ("1st lookup"): on Redis and
 *       memcached it is the first to poll the index feed since the cache opened.
 *   <li><b>heap bytes/entry</b>: heap in use after {@code System.gc()} (three times) after the fill,
 *       less the same before it, over N. On the memory backend this is the records themselves
 *       plus the index; on Redis and memcached the index only (with its spare capacity: the
 *       vector array doubles). <b>backend bytes/entry</b>: Redis {@code INFO memory} used_memory,
 *       memcached {@code stats} bytes, after less before, over N.
 *   <li><b>open</b> (Redis, memcached): a second manager on a copy of the YAML file; the time of its
 *       first {@code semanticCache("answers")}, which indexes what the first manager stored by reading
 *       the feed (the model is loaded once per JVM, so it is not in this time); then the semantic
 *       probes again through the second manager ("2nd mgr hits").
 * </ul>
 * A harness, not a JMH benchmark: an operation takes milliseconds, and the embedding model is what
 * costs. A warm-up on a memory manager of its own loads the model and warms the JIT first.
 *
 * <p>This class parses the options and runs the trials: {@link SemanticTrial} is one backend and
 * size (memcached started with {@code -m} {@value SemanticTrial#MEMCACHED_MEGABYTES}, so that 100,000
 * prompts fit without eviction), {@link SemanticCorpus} and {@link SemanticPrompts} make its prompts,
 * {@link SemanticLookups} times its lookups and {@link SemanticReport} prints the tables.
 */
public final class SemanticHarness {

  static final List<String> BACKENDS = TrialBackend.STORES;
  static final List<Integer> DEFAULT_SIZES = List.of(1_000, 10_000, 100_000);
  static final int DEFAULT_THREADS = 2;
  static final int DEFAULT_LOOKUPS = 300;
  static final int DEFAULT_WARMUP = 30;

  private SemanticHarness() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = DEFAULT_SIZES;
    int threads = DEFAULT_THREADS;
    int lookups = DEFAULT_LOOKUPS;
    int warmup = DEFAULT_WARMUP;
    List<String> backends = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--sizes") && i + 1 < args.length) {
        sizes = Arrays.stream(args[++i].split(",")).map(String::strip).map(s -> s.replace("_", ""))
            .map(Integer::valueOf).toList();
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
          throw new IllegalArgumentException("--sizes takes positive numbers, e.g. --sizes 1000,10000");
        }
      } else if (arg.equals("--threads") && i + 1 < args.length) {
        threads = positive("--threads", args[++i]);
      } else if (arg.equals("--lookups") && i + 1 < args.length) {
        lookups = positive("--lookups", args[++i]);
      } else if (arg.equals("--warmup") && i + 1 < args.length) {
        warmup = Integer.parseInt(args[++i]);
      } else if (BACKENDS.contains(arg)) {
        backends.add(arg);
      } else {
        throw new IllegalArgumentException("Unknown argument '" + arg + "'; use [--sizes N,N,…] [--threads T] "
            + "[--lookups L] [--warmup W] and some of " + BACKENDS);
      }
    }
    if (backends.isEmpty()) {
      backends = BACKENDS;
    }
    Path dir = Files.createTempDirectory("lexigram-semantic-");
    System.out.printf("Semantic cache harness: backends %s, sizes %s, fill threads %d, %d timed + %d warm-up "
        + "lookups of each kind; %d cores, max heap %d MB, dot product %s%n", backends, sizes, threads, lookups,
        warmup, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        DotProduct.describe());
    SemanticTrial.warmUp(dir);

    SemanticReport report = new SemanticReport();
    boolean failed = false;
    for (String backend : backends) {
      for (int size : sizes) {
        System.out.printf("%n==> %s, N = %,d%n", backend, size);
        Row row;
        try {
          row = new SemanticTrial(backend, size, threads, lookups, warmup, dir).run();
        } catch (Exception | Error e) {
          e.printStackTrace(System.out);
          row = Row.failed(size, e.toString());
          failed = true;
        }
        report.add(backend, row);
      }
    }

    report.print(threads, lookups);
    System.out.flush();
    // the managers are closed; Lettuce's and spymemcached's non-daemon threads may linger
    System.exit(failed ? 1 : 0);
  }

  private static int positive(String option, String value) {
    int n = Integer.parseInt(value);
    if (n < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, not " + n);
    }
    return n;
  }
}
