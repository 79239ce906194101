package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializationException.Reason;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CopierTest {

  public record Basket(String owner, List<String> items) implements Serializable {}

  public static final class Counter implements Serializable {
    private int count;

    public int getCount() {
      return count;
    }

    public void setCount(int count) {
      this.count = count;
    }
  }

  static Copier copier(SerializerFormat format) {
    return Copier.serializing(Serializers.builder().format(format)
        .allowTypes(List.of(Basket.class.getName(), Counter.class.getName())).build());
  }

  @Test
  void copy_immutableValues_returnsSameInstances() {
    Copier copier = copier(SerializerFormat.JSON);
    List<Object> immutables = List.of("text", 42, 42L, 1.5d, 'c', true, new BigDecimal("1.10"), BigInteger.TWO,
        UUID.randomUUID(), Instant.now(), LocalDate.now(), Duration.ofSeconds(3), DayOfWeek.MONDAY,
        ZonedDateTime.now(ZoneId.of("Asia/Tokyo")), ZoneId.of("Europe/Berlin"), Optional.empty(), Optional.of("x"));

    for (Object value : immutables) {
      assertThat(copier.copy(value)).as(value.getClass().getName()).isSameAs(value);
    }
  }

  @Test
  void copy_null_returnsNull() {
    assertThat(copier(SerializerFormat.JSON).copy((Object) null)).isNull();
  }

  @Test
  void copy_bigDecimalSubclass_isNotTakenAsImmutable() {
    BigDecimal subclass = new BigDecimal("2.5") {};

    assertThat(AbstractCopier.isImmutable(subclass)).isFalse();
    assertThat(AbstractCopier.isImmutable(new BigDecimal("2.5"))).isTrue();
  }

  @Test
  void copy_primitiveArrays_returnsEqualClones() {
    Copier copier = copier(SerializerFormat.JSON);
    byte[] bytes = {1, 2, 3};
    int[] ints = {4, 5};

    assertThat(copier.copy(bytes)).isNotSameAs(bytes).containsExactly(bytes);
    assertThat(copier.copy(ints)).isNotSameAs(ints).containsExactly(ints);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void copy_recordHoldingMutableList_returnsIndependentDeepCopy(SerializerFormat format) {
    Basket original = new Basket("ada", new ArrayList<>(List.of("tea", "milk")));

    Basket copy = copier(format).copy(original);
    original.items().add("sugar");

    assertThat(copy).isNotSameAs(original);
    assertThat(copy.items()).isNotSameAs(original.items()).containsExactly("tea", "milk");
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void copy_mutableBean_returnsIndependentCopy(SerializerFormat format) {
    Counter original = new Counter();
    original.setCount(3);

    Counter copy = copier(format).copy(original);
    original.setCount(4);

    assertThat(copy).isNotSameAs(original);
    assertThat(copy.getCount()).isEqualTo(3);
  }

  @Test
  void copy_unmodifiableListOfMutableElements_copiesElements() {
    List<Basket> original = List.of(new Basket("ada", new ArrayList<>(List.of("tea"))));

    List<Basket> copy = copier(SerializerFormat.JSON).copy(original);

    assertThat(copy).isNotSameAs(original).isEqualTo(original);
    assertThat(copy.get(0).items()).isNotSameAs(original.get(0).items());
  }

  @Test
  void copy_optionalOfMutableValue_copiesContent() {
    Optional<Basket> original = Optional.of(new Basket("ada", new ArrayList<>(List.of("tea"))));

    Optional<Basket> copy = copier(SerializerFormat.JSON).copy(original);

    assertThat(copy).isNotSameAs(original).isEqualTo(original);
    assertThat(copy.orElseThrow()).isNotSameAs(original.orElseThrow());
  }

  @Test
  void copy_typeNotOnAllowlist_throwsTypeNotAllowed() {
    Copier copier = Copier.serializing(Serializers.builder().build());

    assertThatThrownBy(() -> copier.copy(new Counter()))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
  }

  @Test
  void identity_mutableValue_returnsSameInstance() {
    Counter counter = new Counter();

    assertThat(Copier.identity().copy(counter)).isSameAs(counter);
  }
}
