package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per validation message: each names the source, the key, the problem and the fix. */
class ValidationTest {
  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  /**
   * Asserts the failure's key, that its message reads "… in source: key: problem… Fix: …", and
   * that the fix contains {@code fix}.
   */
  private static void assertFailure(InvalidConfigurationException failure, String key, String problem, String fix) {
    assertThat(failure.key()).isEqualTo(key);
    assertThat(failure.fix()).contains(fix);
    assertThat(failure.getMessage())
        .startsWith("Invalid lexigram-cache configuration in " + failure.source() + ": " + key + ": " + problem)
        .endsWith(" Fix: " + failure.fix() + (failure.fix().endsWith(".") ? "" : "."))
        .containsPattern("[.?] Fix: ")
        .doesNotContain("?. Fix: ");
  }

  private InvalidConfigurationException backends(String entries) {
    return fixture.failure("cache:\n  backends:\n" + entries.indent(4));
  }

  @Test
  void load_negativeMaxSize_failsWithFullMessage() {
    fixture.write("res/lexigram-cache.yaml", """
        cache:
          backends:
            - { name: local, type: memory, default: true }
            - { name: small, type: memory, max_size: -5 }
        """);
    fixture.loader(ConfigFixture.resources(dir.resolve("res")));

    var failure = fixture.failure(URI.create("urn:lexigram:default"));

    assertThat(failure).hasMessage("Invalid lexigram-cache configuration in classpath:lexigram-cache.yaml: "
        + "cache.backends[1].max_size: must be zero or positive, got -5. Fix: set a positive entry count, "
        + "or remove the key for an unbounded cache.");
    assertThat(failure.source()).isEqualTo("classpath:lexigram-cache.yaml");
    assertThat(failure.fix()).isEqualTo("set a positive entry count, or remove the key for an unbounded cache");
  }

  @Test
  void load_severalBackendsWithoutDefault_fails() {
    var failure = backends("""
        - { name: a, type: memory }
        - { name: b, type: memory }
        """);

    assertFailure(failure, "cache.backends", "2 backends (a, b) and none has default: true",
        "add default: true to the backend");
  }

  @Test
  void load_twoDefaults_failsNamingBoth() {
    var failure = backends("""
        - { name: a, type: memory, default: true }
        - { name: b, type: memory, default: true }
        """);

    assertFailure(failure, "cache.backends[1].default",
        "'b' is marked default, but so is 'a' (cache.backends[0])", "keep default: true on exactly one backend");
  }

  @Test
  void load_duplicateBackendNames_fails() {
    var failure = backends("""
        - { name: a, type: memory, default: true }
        - { name: a, type: memory }
        """);

    assertFailure(failure, "cache.backends[1].name", "duplicate backend name 'a' (also cache.backends[0])",
        "give each backend a unique name");
  }

  @Test
  void load_cacheNamedLikeBackend_fails() {
    var failure = fixture.failure("""
        cache:
          backends: [ { name: local, type: memory } ]
          caches: { local: { default_ttl: 5 } }
        """);

    assertFailure(failure, "cache.caches.local",
        "'local' is already a cache: every backend is a cache of its own name", "rename the cache");
  }

  @Test
  void load_cacheOnUndeclaredBackend_failsSuggestingNearest() {
    var failure = fixture.failure("""
        cache:
          backends: [ { name: local, type: memory, default: true }, { name: shared, type: memory } ]
          caches: { products: { backend: shraed } }
        """);

    assertFailure(failure, "cache.caches.products.backend", "backend 'shraed' is not declared; did you mean 'shared'?",
        "use one of local, shared, or remove the key to use the default backend");
  }

  @Test
  void load_unknownBackendKey_suggestsNearest() {
    var failure = backends("- { name: a, type: memory, max_sise: 10 }");

    assertFailure(failure, "cache.backends[0].max_sise", "unknown key 'max_sise'; did you mean 'max_size'?",
        "rename it to 'max_size'");
    assertThat(failure).hasMessageEndingWith("did you mean 'max_size'? Fix: rename it to 'max_size'.");
  }

  @Test
  void load_unknownKebabKey_suggestsKebabSpelling() {
    var failure = backends("- { name: a, type: memory, max-sise: 10 }");

    assertFailure(failure, "cache.backends[0].max-sise", "unknown key 'max-sise'; did you mean 'max-size'?",
        "rename it to 'max-size'");
  }

  @Test
  void load_unknownKeyFarFromAll_listsAcceptedKeys() {
    var failure = fixture.failure("cache:\n  service:\n    flavour: vanilla\n");

    assertFailure(failure, "cache.service.flavour", "unknown key 'flavour'",
        "remove it; the keys accepted in cache.service are serializer, enable_protection, protection, "
            + "allowed_types, signing_keys, compression_threshold");
  }

  @Test
  void load_protection_readsEachKey_andRefusesAnUnknownOne() {
    var settings = fixture.load("cache:\n  service:\n    protection: { max_wait: 2s, lock_ttl: 5s, on_timeout: fail }\n");
    assertThat(settings.service().protection()).isEqualTo(new ProtectionSettings(java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(5), ProtectionSettings.OnTimeout.FAIL));

    var failure = fixture.failure("cache:\n  service:\n    protection: { max_wiat: 2s }\n");
    assertThat(failure.getMessage()).contains("cache.service.protection.max_wiat", "max_wait");
  }

  @Test
  void load_unknownKeyInCache_suggestsKeyContainingIt() {
    var failure = fixture.failure("cache:\n  caches:\n    products: { ttl: 5 }\n");

    assertFailure(failure, "cache.caches.products.ttl", "unknown key 'ttl'; did you mean 'default_ttl'?",
        "rename it to 'default_ttl'");
  }

  @Test
  void load_unknownKeyUnderCache_suggestsNearest() {
    var failure = fixture.failure("cache:\n  backend:\n    - { name: a, type: memory }\n");

    assertFailure(failure, "cache.backend", "unknown key 'backend'; did you mean 'backends'?", "rename it to 'backends'");
  }

  @Test
  void load_unknownTopLevelKey_fails() {
    var failure = fixture.failure("cache: {}\nbackends: []\n");

    assertFailure(failure, "backends", "unknown top-level key 'backends'; lexigram-cache reads only cache:",
        "move 'backends' under cache:");
  }

  @Test
  void load_textForNumber_failsNamingTypes() {
    var failure = backends("- { name: a, type: memory, max_size: ten }");

    assertFailure(failure, "cache.backends[0].max_size", "expected a whole number, got 'ten'",
        "write a whole number such as 1000");
  }

  @Test
  void load_fractionForNumber_fails() {
    var failure = backends("- { name: a, type: memory, max_size: 10.5 }");

    assertFailure(failure, "cache.backends[0].max_size", "expected a whole number, got '10.5'", "write a whole number");
  }

  @Test
  void load_textForBoolean_fails() {
    var failure = fixture.failure("cache:\n  caches:\n    p: { statistics: maybe }\n");

    assertFailure(failure, "cache.caches.p.statistics", "expected true or false, got 'maybe'", "write true or false");
  }

  @Test
  void load_numberForText_failsSuggestingQuotes() {
    var failure = backends("- { name: a, type: memory, key_prefix: 2024 }");

    assertFailure(failure, "cache.backends[0].key_prefix", "expected text, got '2024'", "quote the value: '2024'");
  }

  @Test
  void load_numberForPassword_failsWithoutShowingIt() {
    var failure = backends("- { name: a, type: redis, url: 'redis://localhost', password: 123456789 }");

    assertFailure(failure, "cache.backends[0].password", "expected text, got '***'", "quote the value");
    assertThat(failure).hasMessageNotContaining("123456789");
  }

  @Test
  void load_textForList_fails() {
    var failure = backends("- { name: a, type: memcached, servers: 'localhost:11211' }");

    assertFailure(failure, "cache.backends[0].servers", "expected a list, got 'localhost:11211'",
        "write a YAML list such as [a, b]");
  }

  @Test
  void load_negativeTtl_fails() {
    var failure = backends("- { name: a, type: memory, default_ttl: -30 }");

    assertFailure(failure, "cache.backends[0].default_ttl", "must be positive, got -30",
        "set a positive duration such as 300, 30s or 5m, or remove the key for no expiry");
  }

  @Test
  void load_zeroTtl_fails() {
    var failure = fixture.failure("cache:\n  caches:\n    p: { default_ttl: 0s }\n");

    assertFailure(failure, "cache.caches.p.default_ttl", "must be positive, got 0s", "or remove the key for no expiry");
  }

  @Test
  void load_negativeTimeout_fails() {
    var failure = backends("- { name: a, type: memory, timeout: -1s }");

    assertFailure(failure, "cache.backends[0].timeout", "must be positive, got -1s",
        "set a positive duration such as 2s or 500ms, or remove the key for the default of 2s");
  }

  @Test
  void load_negativeCompressionThreshold_fails() {
    var failure = fixture.failure("cache:\n  service: { compression_threshold: -1 }\n");

    assertFailure(failure, "cache.service.compression_threshold", "must be zero or positive, got -1",
        "set a size in bytes such as 1024, or remove the key to never compress");
  }

  @Test
  void load_hugeCompressionThreshold_fails() {
    var failure = fixture.failure("cache:\n  service: { compression_threshold: 3000000000 }\n");

    assertFailure(failure, "cache.service.compression_threshold", "must be at most 2147483647", "set a size in bytes");
  }

  @Test
  void load_unknownBackendType_listsValidTypes() {
    var failure = backends("- { name: a, type: redsi }");

    assertFailure(failure, "cache.backends[0].type", "unknown backend type 'redsi'; did you mean 'redis'?",
        "use one of memory, redis, memcached");
  }

  @Test
  void load_missingBackendType_fails() {
    var failure = backends("- { name: a }");

    assertFailure(failure, "cache.backends[0].type", "missing required key 'type'",
        "add type: with one of memory, redis, memcached");
  }

  @Test
  void load_missingBackendName_fails() {
    var failure = backends("- { type: memory }");

    assertFailure(failure, "cache.backends[0].name", "missing required key 'name'", "give the backend a unique name");
  }

  @Test
  void load_emptyBackendList_fails() {
    var failure = fixture.failure("cache:\n  backends: []\n");

    assertFailure(failure, "cache.backends", "no backends declared", "declare at least one backend");
  }

  @Test
  void load_unknownSerializer_listsValidOnes() {
    var failure = fixture.failure("cache:\n  service: { serializer: pickle }\n");

    assertFailure(failure, "cache.service.serializer", "unknown serializer 'pickle'", "use one of auto, json, kryo, java");
  }

  @Test
  void load_unknownEnvironment_listsValidOnes() {
    var failure = fixture.failure("cache:\n  environment: prod\n");

    assertFailure(failure, "cache.environment", "unknown environment 'prod'",
        "use one of development, testing, staging, production");
  }

  @Test
  void load_maxSizeOnRedis_fails() {
    var failure = backends("- { name: shared, type: redis, url: 'redis://localhost', max_size: 10 }");

    assertFailure(failure, "cache.backends[0].max_size", "max_size applies only to memory backends, but 'shared' is redis",
        "remove max_size");
  }

  @Test
  void load_trustStoreMissingFile_namesKeyAndFix() {
    InvalidConfigurationException failure = backends(
        "- { name: shared, type: redis, url: 'rediss://127.0.0.1:6380', trust_store: /nonexistent/ca.pem }");
    assertFailure(failure, "cache.backends[0].trust_store", "no readable file at", "PEM file of the CA certificates");
  }

  @Test
  void load_trustStoreOnMemcached_fails() throws Exception {
    Path pem = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    InvalidConfigurationException failure = backends(
        "- { name: s, type: memcached, servers: ['127.0.0.1:11211'], trust_store: '" + pem + "' }");
    assertFailure(failure, "cache.backends[0].trust_store", "trust_store applies only to redis backends", "remove trust_store");
  }

  @Test
  void load_trustStoreReadable_isAPath() throws Exception {
    Path pem = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    LexigramSettings settings = fixture.load("cache:\n  backends:\n    - { name: shared, type: redis, url: 'rediss://127.0.0.1:6380', trust_store: '" + pem + "' }\n");
    assertThat(settings.defaultBackend().trustStore()).isEqualTo(pem);
  }

  @Test
  void load_urlOnMemory_fails() {
    var failure = backends("- { name: local, type: memory, url: 'redis://localhost' }");

    assertFailure(failure, "cache.backends[0].url", "url applies only to redis backends, but 'local' is memory",
        "remove url, or change the backend's type");
  }

  @Test
  void load_redisWithoutUrl_fails() {
    var failure = backends("- { name: shared, type: redis }");

    assertFailure(failure, "cache.backends[0].url", "a redis backend needs a url", "set url: redis://");
  }

  @Test
  void load_redisUrlWithOtherScheme_failsListingSchemes() {
    var failure = backends("- { name: shared, type: redis, url: 'http://user:hunter2@localhost:6379' }");

    assertFailure(failure, "cache.backends[0].url", "'http://user:***@localhost:6379' is not a usable Redis URL: "
        + "the scheme 'http' is not one of redis, rediss, redis-sentinel, rediss-sentinel", "write it as redis://");
    assertThat(failure).hasMessageNotContaining("hunter2");
  }

  @Test
  void load_redisUrlWithUnencodedPasswordCharacters_failsWithoutShowingPassword() {
    var failure = backends("- { name: shared, type: redis, url: 'redis://app:pa#ss@xq9@cache:6379' }");

    assertFailure(failure, "cache.backends[0].url", "'redis://app:***@cache:6379' is not a usable Redis URL",
        "write it as redis://");
    assertThat(failure).hasMessageContaining("must be percent-encoded").hasMessageNotContaining("pa#ss")
        .hasMessageNotContaining("xq9");
  }

  @Test
  void load_memcachedWithoutServers_fails() {
    var failure = backends("- { name: sessions, type: memcached }");

    assertFailure(failure, "cache.backends[0].servers", "a memcached backend needs servers", "set servers: [host:11211");
  }

  @Test
  void load_memcachedServerWithoutPort_fails() {
    var failure = backends("- { name: sessions, type: memcached, servers: ['mc1:11211', 'mc2'] }");

    assertFailure(failure, "cache.backends[0].servers[1]", "'mc2' is not host:port: the port is missing",
        "write each server as host:port");
  }

  @Test
  void load_redisWithoutLettuce_failsNamingArtifact() {
    fixture.clientsOnly(ConfigFixture.SPYMEMCACHED, ConfigFixture.KRYO);

    var failure = backends("- { name: shared, type: redis, url: 'redis://localhost:6379' }");

    assertFailure(failure, "cache.backends[0].type", "type redis needs io.lettuce.core.RedisClient, which is not "
        + "on the class path", "add io.lettuce:lettuce-core:6.8.0.RELEASE to your dependencies");
  }

  @Test
  void load_memcachedWithoutSpymemcached_failsNamingArtifact() {
    fixture.clientsOnly(ConfigFixture.LETTUCE, ConfigFixture.KRYO);

    var failure = backends("- { name: sessions, type: memcached, servers: ['localhost:11211'] }");

    assertFailure(failure, "cache.backends[0].type", "type memcached needs net.spy.memcached.MemcachedClient",
        "add net.spy:spymemcached:2.12.3 to your dependencies");
  }

  @Test
  void load_kryoWithoutKryo_failsNamingArtifact() {
    fixture.clientsOnly(ConfigFixture.LETTUCE, ConfigFixture.SPYMEMCACHED);

    var failure = fixture.failure("cache:\n  service: { serializer: kryo }\n");

    assertFailure(failure, "cache.service.serializer", "serializer kryo needs com.esotericsoftware.kryo.Kryo",
        "add com.esotericsoftware:kryo:5.6.2 to your dependencies");
  }

  @Test
  void load_shortSigningKey_failsWithoutShowingIt() {
    var failure = fixture.failure("cache:\n  service: { signing_keys: ['" + "k".repeat(32) + "', 'tooShortKey'] }\n");

    assertFailure(failure, "cache.service.signing_keys[1]",
        "the signing key is 11 bytes; signing keys must be at least 32 bytes", "openssl rand -base64 32");
    assertThat(failure).hasMessageNotContaining("tooShortKey");
  }

  @Test
  void load_shortBase64SigningKey_countsDecodedBytes() {
    // 44 characters of base64, but only 31 bytes once decoded
    String key = "base64:" + java.util.Base64.getEncoder().encodeToString(new byte[31]);

    var failure = fixture.failure("cache:\n  service: { signing_keys: ['" + key + "'] }\n");

    assertFailure(failure, "cache.service.signing_keys[0]", "the signing key is 31 bytes", "base64:<output>");
  }

  @Test
  void load_malformedBase64SigningKey_fails() {
    var failure = fixture.failure("cache:\n  service: { signing_keys: ['base64:@@not base64@@'] }\n");

    assertFailure(failure, "cache.service.signing_keys[0]", "the text after 'base64:' is not valid base64",
        "openssl rand -base64 32");
  }

  @Test
  void load_signingKeysOfThirtyTwoBytes_areAccepted() {
    String base64 = "base64:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    LexigramSettings settings = fixture.load(
        "cache:\n  service: { signing_keys: ['" + "é".repeat(16) + "', '" + base64 + "'] }\n");

    assertThat(settings.service().signingKeys()).hasSize(2);
  }

  @Test
  void load_allowedTypeThatIsNoClassOrGlob_fails() {
    var failure = fixture.failure("cache:\n  service: { allowed_types: ['com.acme.*', '**'] }\n");

    assertFailure(failure, "cache.service.allowed_types[1]", "'**' is not a class name or package glob",
        "com.acme.** for a package and its subpackages");
  }

  @Test
  void load_cacheMaxSizeOnRedisBackend_fails() {
    var failure = fixture.failure("""
        cache:
          backends: [ { name: shared, type: redis, url: 'redis://localhost' } ]
          caches: { products: { max_size: 10 } }
        """);

    assertFailure(failure, "cache.caches.products.max_size",
        "max_size applies only to caches on memory backends, but 'shared' is redis", "remove max_size");
  }

  @Test
  void load_storeByReferenceOnRedisBackend_fails() {
    var failure = fixture.failure("""
        cache:
          backends:
            - { name: local, type: memory, default: true }
            - { name: shared, type: redis, url: 'redis://localhost' }
          caches: { products: { backend: shared, store_by_value: false } }
        """);

    assertFailure(failure, "cache.caches.products.store_by_value",
        "store-by-reference is offered only on memory backends, but 'shared' is redis", "remove store_by_value: false");
  }

  @Test
  void load_emptyFile_fails() {
    var failure = fixture.failure("# nothing here yet\n");

    assertFailure(failure, "cache", "the file is empty", "start the file with 'cache:'");
  }

  @Test
  void load_fileWithoutCacheRoot_failsListingItsKeys() {
    var failure = fixture.failure("backends:\n  - { name: a, type: memory }\n");

    assertFailure(failure, "cache", "no cache: mapping at the top level (found backends)", "start the file with 'cache:'");
  }

  @Test
  void load_invalidYaml_failsNamingPosition() {
    var failure = fixture.failure("cache:\n  backends: [ { name: a, type: memory }\n");

    assertThat(failure.key()).startsWith("line ");
    assertThat(failure).hasMessageContaining("not valid YAML").hasMessageContaining("Fix: correct the YAML");
  }

  @Test
  void load_repeatedYamlKey_fails() {
    var failure = fixture.failure("cache:\n  environment: testing\n  environment: production\n");

    assertThat(failure).hasMessageContaining("not valid YAML: Duplicate field 'environment'");
  }
}
