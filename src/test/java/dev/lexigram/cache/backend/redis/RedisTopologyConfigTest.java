package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.ConfigLoader;
import dev.lexigram.cache.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration of the Sentinel and Cluster topologies: replica_acks and cluster seed URLs. */
class RedisTopologyConfigTest {

  @TempDir
  Path dir;

  private BackendSettings backend(String type, String extra) throws IOException {
    Path file = dir.resolve("lexigram-cache.yaml");
    Files.writeString(file, "cache:\n  backends:\n    - name: shared\n      type: " + type + "\n" + extra,
        StandardCharsets.UTF_8);
    return ConfigLoader.load(file.toUri(), getClass().getClassLoader(), Map.of(), new Properties()).backends().get(0);
  }

  @Test
  void replicaAcks_absent_isZero() throws IOException {
    assertThat(backend("redis", "      url: redis://localhost:6379\n").replicaAcks()).isZero();
  }

  @Test
  void replicaAcks_snakeAndKebabCase_areRead() throws IOException {
    String sentinel = "      url: redis-sentinel://localhost:26379/0#mymaster\n";
    assertThat(backend("redis", sentinel + "      replica_acks: 1\n").replicaAcks()).isEqualTo(1);
    assertThat(backend("redis", sentinel + "      replica-acks: 2\n").replicaAcks()).isEqualTo(2);
  }

  @Test
  void replicaAcks_negative_namesKeyAndFix() {
    assertThatThrownBy(() -> backend("redis", "      url: redis://localhost\n      replica_acks: -1\n"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("replica_acks")
        .hasMessageContaining("must be zero or positive")
        .hasMessageContaining("0 (the default) to wait for none");
  }

  @Test
  void replicaAcks_onMemoryBackend_isRefused() {
    assertThatThrownBy(() -> backend("memory", "      replica_acks: 1\n"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("replica_acks applies only to redis backends");
  }

  @Test
  void url_severalSeedNodes_isAccepted() throws IOException {
    assertThat(backend("redis", "      url: redis://node1:7000,node2:7001,node3:7002\n").url())
        .isEqualTo("redis://node1:7000,node2:7001,node3:7002");
  }

  @Test
  void databaseOf_readsThePathAfterTheHosts() {
    assertThat(RedisUris.databaseOf("redis://a:1,b:2")).isZero();
    assertThat(RedisUris.databaseOf("redis://a:1,b:2/3")).isEqualTo(3);
    assertThat(RedisUris.databaseOf("redis://user:p%2Fw@a:1/0?timeout=1s")).isZero();
    assertThat(RedisUris.databaseOf("redis://a:1/12#x")).isEqualTo(12);
  }
}
