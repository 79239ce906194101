package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lexigram.cache.serial.SerializationException.Reason;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What is particular to Kryo: it is optional, pooled, and keeps references. */
class KryoSerializerTest {

  private final Serializer kryo = SerializerRoundTripTest.serializer(SerializerFormat.KRYO);

  /**
   * Found by fuzzing (SerializerFuzzTest, MemcachedRecordFuzzTest): Kryo allocated a string, an
   * array or a collection at the length a payload declares, so seven bytes asked for gigabytes and
   * the read failed with OutOfMemoryError instead of a refusal. Each payload here declares about
   * 2^31 elements (a UTF-8 string, an int[], a boolean[], a String[], an ArrayList of nulls).
   */
  @Test
  void deserialize_lengthBeyondThePayload_isRefusedBeforeAllocating() {
    String huge = "ffffffff07";
    String arrayList = "0100" + HexFormat.of().formatHex("java.util.ArrayLis".getBytes(StandardCharsets.US_ASCII)) + "f401";
    String stringArray = "01005b" + HexFormat.of().formatHex("Ljava.lang.String".getBytes(StandardCharsets.US_ASCII)) + "bb01";
    String objectArray = "01005b" + HexFormat.of().formatHex("Ljava.lang.Object".getBytes(StandardCharsets.US_ASCII)) + "bb01";
    for (String payload : List.of("0301" + huge, "01005bc901" + huge, "01005bda01" + huge, stringArray + huge,
        objectArray + huge, arrayList + huge + "00")) {
      assertThatThrownBy(() -> kryo.deserialize(HexFormat.of().parseHex(payload)))
          .as(payload)
          .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
          .hasMessageContaining("bytes left");
    }
  }

  @Test
  void deserialize_collectionOfNulls_longerThanItsBytes_roundTrips() {
    List<Object> nulls = new ArrayList<>(java.util.Collections.nCopies(1_000, null));
    assertThat(kryo.deserialize(kryo.serialize(nulls))).isEqualTo(nulls);
  }

  @Test
  void build_kryoNotOnClassPath_throwsMissingDependencyNamingArtifact() throws Exception {
    try (URLClassLoader withoutKryo = new URLClassLoader(codeSourcesWithoutKryo(), ClassLoader.getPlatformClassLoader())) {
      Object builder = builderIn(withoutKryo);
      Class<?> formats = withoutKryo.loadClass(SerializerFormat.class.getName());
      Object kryoFormat = formats.getMethod("valueOf", String.class).invoke(null, "KRYO");
      builder.getClass().getMethod("format", formats).invoke(builder, kryoFormat);

      Throwable thrown = invokeBuild(builder);

      assertThat(thrown.getClass().getName()).isEqualTo(SerializationException.class.getName());
      assertThat(thrown.getClass().getMethod("reason").invoke(thrown)).hasToString("MISSING_DEPENDENCY");
      assertThat(thrown).hasMessageContaining("com.esotericsoftware.kryo.Kryo is not on the class path")
          .hasMessageContaining("add com.esotericsoftware:kryo:5.6.2");
    }
  }

  @Test
  void build_jsonWithoutKryoOnClassPath_roundTrips() throws Exception {
    try (URLClassLoader withoutKryo = new URLClassLoader(codeSourcesWithoutKryo(), ClassLoader.getPlatformClassLoader())) {
      Object serializer = builderIn(withoutKryo).getClass().getMethod("build").invoke(builderIn(withoutKryo));
      Method serialize = serializer.getClass().getMethod("serialize", Object.class);
      Method deserialize = serializer.getClass().getMethod("deserialize", byte[].class);
      serialize.setAccessible(true);
      deserialize.setAccessible(true);

      Object back = deserialize.invoke(serializer, serialize.invoke(serializer, List.of("no", "kryo")));

      assertThat(back).isEqualTo(List.of("no", "kryo"));
    }
  }

  @Test
  void serialize_jdkClassClosedToReflection_throwsNotWritableNamingClassAndFix() {
    Serializer serializer = Serializers.builder().format(SerializerFormat.KRYO)
        .allowTypes(List.of(AtomicLong.class.getName())).build();

    assertThatThrownBy(() -> serializer.serialize(new AtomicLong(5)))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_WRITABLE))
        .hasMessageStartingWith("Cannot serialize java.util.concurrent.atomic.AtomicLong with the kryo serializer: ")
        .hasMessageContaining("Fix: make it a record or a plain class of fields Kryo can write, or choose serializer: json / java");
    assertThat(serializer.deserialize(serializer.serialize("still usable"))).isEqualTo("still usable");
  }

  @Test
  void serialize_sharedReference_staysShared() {
    List<String> shared = new ArrayList<>(List.of("x"));

    List<?> back = (List<?>) kryo.deserialize(kryo.serialize(new ArrayList<>(List.of(shared, shared))));

    assertThat(back.get(0)).isSameAs(back.get(1));
  }

  @Test
  void payload_isSelfContained_anotherProcessReadsTheSecondPayloadOfAType() {
    // Kryo writes a class name once per Kryo instance and an id after that, unless the resolver
    // forgets names after each payload: a reader with other Kryo instances (another process, or
    // another pooled instance) knows no such id
    Serializer writer = SerializerRoundTripTest.serializer(SerializerFormat.KRYO);
    Serializer reader = SerializerRoundTripTest.serializer(SerializerFormat.KRYO);
    SerializerRoundTripTest.Item first = new SerializerRoundTripTest.Item("first", 1, BigDecimal.ONE);
    SerializerRoundTripTest.Item second = new SerializerRoundTripTest.Item("second", 2, BigDecimal.TEN);

    byte[] firstPayload = writer.serialize(first);
    byte[] secondPayload = writer.serialize(second);

    assertThat(reader.deserialize(secondPayload)).isEqualTo(second);
    assertThat(reader.deserialize(firstPayload)).isEqualTo(first);
  }

  @Test
  void serialize_manyThreadsAtOnce_everyRoundTripIsExact() throws Exception {
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Object>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<Object>> work = () -> {
          start.await();
          List<Object> mismatches = new ArrayList<>();
          for (int i = 0; i < 300; i++) {
            SerializerRoundTripTest.Item item = new SerializerRoundTripTest.Item("T" + thread, i, BigDecimal.valueOf(i));
            Object back = kryo.deserialize(kryo.serialize(List.of(item, SerializerRoundTripTest.order())));
            if (!back.equals(List.of(item, SerializerRoundTripTest.order()))) {
              mismatches.add(back);
            }
          }
          return mismatches;
        };
        results.add(pool.submit(work));
      }
      start.countDown();
      for (Future<List<Object>> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Object builderIn(ClassLoader loader) throws Exception {
    return loader.loadClass(Serializers.class.getName()).getMethod("builder").invoke(null);
  }

  private static Throwable invokeBuild(Object builder) throws Exception {
    try {
      builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
    throw new AssertionError("build() succeeded without Kryo");
  }

  /** Our classes, Jackson and slf4j: everything the package needs except Kryo and its dependencies. */
  private static URL[] codeSourcesWithoutKryo() {
    return List.of(Serializers.class, ObjectMapper.class, JsonFactory.class, JsonTypeInfo.class,
            JavaTimeModule.class, Jdk8Module.class, LoggerFactory.class).stream()
        .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
        .distinct()
        .toArray(URL[]::new);
  }
}
