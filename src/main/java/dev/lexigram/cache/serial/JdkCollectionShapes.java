package dev.lexigram.cache.serial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The JDK's unmodifiable collection implementations ({@code List.of}, {@code Collections.unmodifiable*},
 * {@code empty*}, {@code singleton*}, {@code Arrays.asList}), which have no public constructor.
 * Each {@link Shape} says which plain collection carries the contents on the wire and how to
 * rebuild an instance of the same class from it, so that JSON and Kryo return the class written.
 */
final class JdkCollectionShapes {

  /**
   * How one JDK collection class travels: as a {@code carrier} collection, rebuilt on read.
   *
   * @param carrier ArrayList, LinkedHashSet, TreeSet, LinkedHashMap or TreeMap
   * @param toCarrier copies the contents into a new carrier
   * @param rebuild turns a carrier back into an instance of the original class
   */
  record Shape(Class<?> carrier, Function<Object, Object> toCarrier, Function<Object, Object> rebuild) {}

  private static final Map<Class<?>, Shape> SHAPES = build();

  private JdkCollectionShapes() {}

  /** Returns the shape of {@code type}, or null if it is not one of these JDK classes. */
  static Shape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** Returns every class that has a shape. */
  static Set<Class<?>> types() {
    return SHAPES.keySet();
  }

  @SuppressWarnings("unchecked")
  private static Map<Class<?>, Shape> build() {
    Map<Class<?>, Shape> m = new LinkedHashMap<>();
    Shape list = list(l -> List.copyOf(l));
    m.put(List.of().getClass(), list);
    m.put(List.of(1).getClass(), list);
    Shape set = new Shape(LinkedHashSet.class, c -> new LinkedHashSet<>((Collection<?>) c), c -> Set.copyOf((Set<?>) c));
    m.put(Set.of().getClass(), set);
    m.put(Set.of(1).getClass(), set);
    Shape map = map(LinkedHashMap.class, c -> Map.copyOf((Map<?, ?>) c));
    m.put(Map.of().getClass(), map);
    m.put(Map.of(1, 1).getClass(), map);
    m.put(Collections.unmodifiableCollection(List.of()).getClass(), list(Collections::unmodifiableCollection));
    m.put(Collections.unmodifiableList(new LinkedList<>()).getClass(),
        list(l -> Collections.unmodifiableList(new LinkedList<>(l))));
    m.put(Collections.unmodifiableList(new ArrayList<>()).getClass(), list(Collections::unmodifiableList));
    m.put(Collections.unmodifiableSet(Set.of()).getClass(),
        new Shape(LinkedHashSet.class, c -> new LinkedHashSet<>((Collection<?>) c), c -> Collections.unmodifiableSet((Set<?>) c)));
    m.put(Collections.unmodifiableSortedSet(new TreeSet<>()).getClass(),
        sortedSet(c -> Collections.unmodifiableSortedSet((SortedSet<Object>) c)));
    m.put(Collections.unmodifiableNavigableSet(new TreeSet<>()).getClass(),
        sortedSet(c -> Collections.unmodifiableNavigableSet((TreeSet<Object>) c)));
    m.put(Collections.unmodifiableMap(Map.of()).getClass(),
        map(LinkedHashMap.class, c -> Collections.unmodifiableMap((Map<?, ?>) c)));
    m.put(Collections.unmodifiableSortedMap(new TreeMap<>()).getClass(),
        map(TreeMap.class, c -> Collections.unmodifiableSortedMap((SortedMap<Object, ?>) c)));
    m.put(Collections.unmodifiableNavigableMap(new TreeMap<>()).getClass(),
        map(TreeMap.class, c -> Collections.unmodifiableNavigableMap((TreeMap<Object, ?>) c)));
    m.put(Collections.emptyList().getClass(), list(l -> Collections.emptyList()));
    m.put(Collections.emptySet().getClass(), list(l -> Collections.emptySet()));
    m.put(Collections.emptyMap().getClass(), map(LinkedHashMap.class, c -> Collections.emptyMap()));
    m.put(Collections.singletonList(1).getClass(), list(l -> Collections.singletonList(l.get(0))));
    m.put(Collections.singleton(1).getClass(), list(l -> Collections.singleton(l.get(0))));
    m.put(Collections.singletonMap(1, 1).getClass(), map(LinkedHashMap.class, c -> {
      Map.Entry<?, ?> e = ((Map<?, ?>) c).entrySet().iterator().next();
      return Collections.singletonMap(e.getKey(), e.getValue());
    }));
    m.put(Arrays.asList(1).getClass(), list(l -> Arrays.asList(l.toArray())));
    return Collections.unmodifiableMap(m);
  }

  private static Shape list(Function<List<?>, Object> rebuild) {
    return new Shape(ArrayList.class, c -> new ArrayList<>((Collection<?>) c), c -> rebuild.apply((List<?>) c));
  }

  @SuppressWarnings("unchecked")
  private static Shape sortedSet(Function<Object, Object> rebuild) {
    return new Shape(TreeSet.class, c -> new TreeSet<>((SortedSet<Object>) c), rebuild);
  }

  @SuppressWarnings("unchecked")
  private static Shape map(Class<?> carrier, Function<Object, Object> rebuild) {
    Function<Object, Object> copy = carrier == TreeMap.class
        ? c -> new TreeMap<>((SortedMap<Object, ?>) c)
        : c -> new LinkedHashMap<>((Map<?, ?>) c);
    return new Shape(carrier, copy, rebuild);
  }
}
