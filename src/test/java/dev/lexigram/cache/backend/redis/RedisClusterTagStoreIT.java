package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.TagStore;
import dev.lexigram.cache.store.TagStoreContract;
import dev.lexigram.cache.testing.RedisClusterServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import io.lettuce.core.cluster.SlotHash;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tag contract on a three-master Redis Cluster, "another process" being a second backend that
 * knows a single seed; plus the point of names without a hash tag: the versions spread over every
 * master, and one multi-tag call still reads and writes them all.
 */
@ExtendWith(RedisServerExtension.class)
class RedisClusterTagStoreIT extends TagStoreContract {

  private static final int SPREAD = 60;
  private static RedisClusterServers cluster;
  private static StoreBackend backend;
  private static StoreBackend anotherProcess;

  @BeforeAll
  static void connect(RedisClusterServers servers) {
    cluster = servers;
    backend = RedisStores.backend(RedisStoreIT.settings(servers.url()), RedisStoreIT.serializer());
    anotherProcess = RedisStores.backend(RedisStoreIT.settings(servers.seedUrl()), RedisStoreIT.serializer());
  }

  @AfterAll
  static void disconnect() {
    try {
      backend.close();
    } finally {
      anotherProcess.close();
    }
  }

  @Override
  protected TagStore tags(String keyPrefix) {
    return backend.tags(keyPrefix);
  }

  @Override
  protected TagStore tagsOfAnotherProcess(String keyPrefix) {
    return anotherProcess.tags(keyPrefix);
  }

  @Test
  void manyTags_liveOnManySlotsAndEveryMaster_oneCallReadsAndInvalidatesThemAll() {
    List<String> many = IntStream.range(0, SPREAD).mapToObj(i -> "spread-" + i).toList();
    Set<Integer> slots = many.stream().map(tag -> SlotHash.getSlot(prefix + "::tag:" + tag)).collect(Collectors.toSet());
    assertThat(slots).as("slots of the tags' names").hasSizeGreaterThan(1);

    Map<String, Long> created = tags.versionsCreating(many);

    int total = 0;
    for (int node = 0; node < RedisClusterServers.MASTERS; node++) {
      int onNode = cluster.keysOnNode(node, prefix + "::tag:*").size();
      assertThat(onNode).as("versions on master %d", node).isPositive();
      total += onNode;
    }
    assertThat(total).isEqualTo(SPREAD);
    assertThat(tagsOfAnotherProcess(prefix).versions(many)).isEqualTo(created);

    tags.invalidate(many);

    Map<String, Long> after = tags.versions(many);
    assertThat(after).hasSize(SPREAD);
    many.forEach(tag -> assertThat(after.get(tag)).as(tag).isNotEqualTo(created.get(tag)));
  }
}
