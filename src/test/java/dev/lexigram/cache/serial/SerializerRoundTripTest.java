package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializationException.Reason;
import dev.lexigram.cache.testing.RecordingClassLoader;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same round trips and refusals, run against every format. */
class SerializerRoundTripTest {

  public enum Status { OPEN, SHIPPED { @Override public String toString() { return "shipped"; } } }

  public record Item(String sku, int quantity, BigDecimal price) implements Serializable {}

  public record Customer(String name, List<String> emails) implements Serializable {}

  public record Order(UUID id, Customer customer, List<Item> items, Map<String, Long> counters,
      Instant createdAt, Optional<String> note, Status status) implements Serializable {}

  /** Allowed only where a test says so. */
  public record Secret(String value) implements Serializable {}

  static final List<String> ALLOWED = List.of(
      Item.class.getName(), Customer.class.getName(), Order.class.getName(), Status.class.getName());

  static Serializer serializer(SerializerFormat format) {
    return Serializers.builder().format(format).allowTypes(ALLOWED).build();
  }

  static Object roundTrip(SerializerFormat format, Object value) {
    Serializer serializer = serializer(format);
    return serializer.deserialize(serializer.serialize(value));
  }

  static Order order() {
    return new Order(UUID.fromString("8c1f7f0e-4a53-4f59-9a4e-2f7b1d1a0c11"),
        new Customer("Ada", List.of("ada@example.com", "ada@work.example")),
        List.of(new Item("A-1", 2, new BigDecimal("9.90")), new Item("B-2", 1, new BigDecimal("120.00"))),
        new LinkedHashMap<>(Map.of("views", 12L)), Instant.parse("2024-05-01T10:15:30.123456789Z"),
        Optional.of("leave at the door"), Status.SHIPPED);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_record_returnsEqualRecord(SerializerFormat format) {
    Item item = new Item("A-1", 3, new BigDecimal("1.50"));

    assertThat(roundTrip(format, item)).isInstanceOf(Item.class).isEqualTo(item);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_nestedRecords_returnsEqualGraph(SerializerFormat format) {
    Order back = (Order) roundTrip(format, order());

    assertThat(back).isEqualTo(order());
    assertThat(back.items()).first().isInstanceOf(Item.class);
    assertThat(back.counters().get("views")).isInstanceOf(Long.class);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_mapOfListsOfRecords_keepsRecordElements(SerializerFormat format) {
    Map<String, List<Item>> value = new LinkedHashMap<>();
    value.put("z", new ArrayList<>(List.of(new Item("Z", 1, BigDecimal.ONE))));
    value.put("a", new ArrayList<>(List.of(new Item("A", 2, BigDecimal.TEN), new Item("B", 3, BigDecimal.ZERO))));

    Object back = roundTrip(format, value);

    assertThat(back).isInstanceOf(LinkedHashMap.class).isEqualTo(value);
    assertThat(List.copyOf(((Map<?, ?>) back).keySet())).isEqualTo(List.of("z", "a"));
    assertThat((List<?>) ((Map<?, ?>) back).get("a")).allMatch(Item.class::isInstance);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_mutableCollections_keepClassOrderAndContents(SerializerFormat format) {
    List<Object> values = List.of(
        new ArrayList<>(List.of(1, 2, 3)), new LinkedList<>(List.of("a", "b")),
        new HashSet<>(Set.of(1L, 2L)), new LinkedHashSet<>(List.of("c", "a", "b")),
        new TreeSet<>(Set.of(3, 1, 2)), new HashMap<>(Map.of("k", 1)),
        new TreeMap<>(Map.of("b", 2, "a", 1)));

    for (Object value : values) {
      Object back = roundTrip(format, value);
      assertThat(back).as(value.getClass().getName()).isInstanceOf(value.getClass()).isEqualTo(value);
      assertThat(back.getClass()).isEqualTo(value.getClass());
    }
    assertThat(List.copyOf((Set<?>) roundTrip(format, new LinkedHashSet<>(List.of("c", "a", "b")))))
        .isEqualTo(List.of("c", "a", "b"));
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_unmodifiableJdkCollections_keepTheirClasses(SerializerFormat format) {
    List<Object> values = List.of(
        List.of(), List.of(1), List.of(1, 2, 3), Set.of(), Set.of("x"), Set.of("x", "y", "z"),
        Map.of(), Map.of("a", 1), Map.of("a", 1, "b", 2),
        Collections.unmodifiableList(new ArrayList<>(List.of(1))),
        Collections.unmodifiableList(new LinkedList<>(List.of(1))),
        Collections.unmodifiableSet(new HashSet<>(Set.of(1))),
        Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(2, 1))),
        Collections.unmodifiableMap(new HashMap<>(Map.of("a", 1))),
        Collections.unmodifiableSortedMap(new TreeMap<>(Map.of("a", 1))),
        Collections.emptyList(), Collections.emptySet(), Collections.emptyMap(),
        Collections.singletonList("s"), Collections.singleton("s"), Collections.singletonMap("k", "v"),
        Arrays.asList("p", "q"));

    for (Object value : values) {
      Object back = roundTrip(format, value);
      assertThat(back.getClass()).as(value.getClass().getName()).isEqualTo(value.getClass());
      assertThat(back).isEqualTo(value);
    }
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_optional_returnsEmptyAndPresentOptionals(SerializerFormat format) {
    assertThat(roundTrip(format, Optional.empty())).isEqualTo(Optional.empty());
    assertThat(roundTrip(format, Optional.of(42L))).isEqualTo(Optional.of(42L));
    assertThat(roundTrip(format, Optional.of(new Item("O", 1, BigDecimal.ONE))))
        .isEqualTo(Optional.of(new Item("O", 1, BigDecimal.ONE)));
    assertThat(roundTrip(format, new ArrayList<>(List.of(Optional.of("x"), Optional.empty()))))
        .isEqualTo(List.of(Optional.of("x"), Optional.empty()));
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_javaTime_returnsEqualValues(SerializerFormat format) {
    List<Object> values = List.of(
        Instant.parse("2024-02-29T23:59:59.999999999Z"), LocalDate.of(2024, 2, 29), Duration.ofMillis(90_061_001),
        ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneId.of("Europe/Paris")), ZoneId.of("America/New_York"));

    for (Object value : values) {
      assertThat(roundTrip(format, value)).as(value.toString()).isEqualTo(value);
    }
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_enums_returnSameConstants(SerializerFormat format) {
    assertThat(roundTrip(format, Status.OPEN)).isSameAs(Status.OPEN);
    assertThat(roundTrip(format, Status.SHIPPED)).isSameAs(Status.SHIPPED);
    assertThat(roundTrip(format, DayOfWeek.FRIDAY)).isSameAs(DayOfWeek.FRIDAY);
    assertThat(roundTrip(format, TimeUnit.SECONDS)).isSameAs(TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_byteArray_returnsEqualBytes(SerializerFormat format) {
    byte[] bytes = {0, 1, -1, 127, -128, 42};

    assertThat((byte[]) roundTrip(format, bytes)).containsExactly(bytes);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_scalars_keepTheirExactTypes(SerializerFormat format) {
    List<Object> values = List.of("text", 7, 7L, (short) 7, (byte) 7, 1.5d, 1.5f, 'c', true,
        new BigDecimal("1.10"), new BigInteger("123456789012345678901234567890"),
        UUID.fromString("00000000-0000-0000-0000-00000000002a"), new Date(1_700_000_000_123L), new int[] {1, 2});

    for (Object value : values) {
      Object back = roundTrip(format, value);
      assertThat(back.getClass()).as(value.toString()).isEqualTo(value.getClass());
      assertThat(back).isEqualTo(value);
    }
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void serialize_typeNotOnAllowlist_throwsTypeNotAllowedNamingClassAndKey(SerializerFormat format) {
    Serializer serializer = serializer(format);

    for (Object value : List.of(new Secret("s"), new ArrayList<>(List.of(new Secret("nested"))))) {
      assertThatThrownBy(() -> serializer.serialize(value))
          .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED))
          .hasMessageContaining("Type " + Secret.class.getName() + " is not on the allowlist of the "
              + (format == SerializerFormat.AUTO ? "java" : serializer.name())) // AUTO writes a Serializable record as JDK
          .hasMessageContaining("add \"" + Secret.class.getName() + "\"")
          .hasMessageContaining("\"dev.lexigram.cache.serial.*\"")
          .hasMessageContaining("cache.service.allowed_types");
    }
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void deserialize_payloadNamingTypeNotOnAllowlist_throwsTypeNotAllowedWithoutLoadingIt(SerializerFormat format) {
    Serializer writer = Serializers.builder().format(format).allowTypes(List.of(Secret.class.getName())).build();
    byte[] payload = writer.serialize(new ArrayList<>(List.of(new Secret("s"))));
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Serializer reader = Serializers.builder().format(format).classLoader(loader).allowTypes(ALLOWED).build();

    assertThatThrownBy(() -> reader.deserialize(payload))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED))
        .hasMessageContaining(Secret.class.getName());
    assertThat(loader.requested).doesNotContain(Secret.class.getName());
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void deserialize_garbage_throwsCorrupt(SerializerFormat format) {
    byte[] garbage = {(byte) 0xFF, 0x13, 0x37, 0x00, 0x42};

    assertThatThrownBy(() -> serializer(format).deserialize(garbage))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
        .hasMessageContaining("with the " + (format == SerializerFormat.AUTO ? "json" // no JDK stream magic: read as JSON
            : format.name().toLowerCase(java.util.Locale.ROOT)) + " serializer");
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void deserialize_truncatedPayload_throwsCorrupt(SerializerFormat format) {
    byte[] payload = serializer(format).serialize(order());

    assertThatThrownBy(() -> serializer(format).deserialize(Arrays.copyOf(payload, payload.length / 2)))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void name_always_returnsLowerCaseFormat(SerializerFormat format) {
    assertThat(serializer(format).name()).isEqualTo(format.name().toLowerCase(java.util.Locale.ROOT));
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void deserialize_rangeInsideALargerArray_readsThePayloadInPlace(SerializerFormat format) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    List<Serializer> serializers = List.of(serializer(format),
        Serializers.builder().format(format).allowTypes(ALLOWED).signingKeys(List.of(key)).build(),
        Serializers.builder().format(format).allowTypes(ALLOWED).compressAbove(16).build(),
        Serializers.builder().format(format).allowTypes(ALLOWED).signingKeys(List.of(key)).compressAbove(16).build());
    for (Serializer serializer : serializers) {
      for (Object value : List.of(order(), "text", new byte[] {1, 2, 3}, "x".repeat(200))) {
        byte[] payload = serializer.serialize(value);
        byte[] framed = new byte[payload.length + 7];
        Arrays.fill(framed, (byte) 0x5A); // a header before and bytes after, as in a store's record
        System.arraycopy(payload, 0, framed, 5, payload.length);

        assertThat(serializer.deserialize(framed, 5, payload.length)).as("%s, %s", serializer, value)
            .isEqualTo(serializer.deserialize(payload));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void deserialize_rangeOutsideTheArray_throwsIndexOutOfBounds(SerializerFormat format) {
    assertThatThrownBy(() -> serializer(format).deserialize(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
