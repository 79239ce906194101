package dev.lexigram.cache.serial;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classes a serializer may read (and, when strict, write): a fixed set of JDK value and
 * collection types, the key and entry classes that Spring, Hibernate and the JSR-107 annotation RI
 * put into caches, user patterns ({@code com.acme.Order}, {@code com.acme.*} for one package,
 * {@code com.acme.**} for a package and its sub-packages), and, when built with {@link WrittenTypes},
 * every class this process has written. Arrays are allowed when their component type is; an enum
 * constant with a body counts as its enum. Thread-safe; immutable but for the written types it reads.
 *
 * <p>Three modes: <em>strict</em> ({@link #of}) refuses to write what it would not read;
 * <em>learning</em> ({@link #learning}) writes anything and records it, so this process reads back
 * what it wrote; <em>trusting</em> ({@link #trustingAll}) admits every class, for copies that never
 * leave the process.
 */
final class TypeAllowlist {

  private static final Logger LOG = LoggerFactory.getLogger(TypeAllowlist.class);

  /** The most refused classes logged by one allowlist. */
  static final int MAX_LOGGED_REFUSALS = 256;

  /** The configuration key users extend; named in every TYPE_NOT_ALLOWED message. */
  static final String CONFIG_KEY = "cache.service.allowed_types";

  private static final Pattern VALID = Pattern.compile(
      "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(\\.\\*\\*?)?");

  private static final Set<String> BUILT_IN = Set.copyOf(List.of(
      "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
      "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.String",
      "java.lang.Number", "java.lang.Enum", "java.lang.Object",
      "java.util.Map$Entry", // HashMap checks a Map.Entry[] against the filter while reading
      "java.io.Serializable", // only ever an array's component type (Hibernate's Serializable[] state)
      BigDecimal.class.getName(), BigInteger.class.getName(), UUID.class.getName(),
      "java.util.Optional", "java.util.Date",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
      "java.util.Arrays$ArrayList", "java.util.CollSer",
      "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
      "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
      "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN",
      "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
      "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
      "java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$UnmodifiableNavigableSet",
      "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableSortedMap",
      "java.util.Collections$UnmodifiableNavigableMap",
      "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
      "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
      "java.util.Collections$SingletonMap",
      "java.util.Locale", "java.util.Currency", "java.net.URI", "java.util.BitSet", "java.util.ArrayDeque",
      "java.util.EnumMap", "java.util.RegularEnumSet", "java.util.JumboEnumSet", "java.util.EnumSet$SerializationProxy",
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Segment",
      "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentSkipListMap",
      "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
      "java.util.concurrent.atomic.AtomicBoolean",
      "java.sql.Date", "java.sql.Time", "java.sql.Timestamp",
      // keys and entries that frameworks put into caches (all Serializable, none a known gadget)
      "org.springframework.cache.interceptor.SimpleKey",
      "org.springframework.cache.support.NullValue",
      "org.springframework.cache.jcache.interceptor.SimpleGeneratedCacheKey",
      "org.jsr107.ri.annotations.DefaultGeneratedCacheKey",
      "org.hibernate.cache.internal.BasicCacheKeyImplementation",
      "org.hibernate.cache.internal.CacheKeyImplementation",
      "org.hibernate.cache.internal.NaturalIdCacheKey",
      "org.hibernate.cache.internal.QueryResultsCacheImpl$CacheItem",
      "org.hibernate.cache.spi.QueryKey",
      "org.hibernate.cache.spi.QueryKey$ParameterBindingsMemento",
      "org.hibernate.cache.spi.entry.StandardCacheEntryImpl",
      "org.hibernate.cache.spi.entry.CollectionCacheEntry",
      "org.hibernate.cache.spi.entry.ReferenceCacheEntryImpl",
      "org.hibernate.cache.spi.support.AbstractReadWriteAccess$Item",
      "org.hibernate.cache.spi.support.AbstractReadWriteAccess$SoftLockImpl"));

  private final Set<String> exact;
  private final List<String> packages;
  private final List<String> packageTrees;
  /** The classes this process wrote, admitted on read; null when strict or trusting. */
  private final WrittenTypes written;
  private final boolean trustAll;
  /** Classes whose refusal on read has been logged; each is logged once. */
  private final Set<String> loggedRefusals = ConcurrentHashMap.newKeySet();

  private TypeAllowlist(Set<String> exact, List<String> packages, List<String> packageTrees, WrittenTypes written,
      boolean trustAll) {
    this.exact = Set.copyOf(exact);
    this.packages = List.copyOf(packages);
    this.packageTrees = List.copyOf(packageTrees);
    this.written = written;
    this.trustAll = trustAll;
  }

  /** Returns this allowlist in learning mode: writes anything, recording it in {@code written}, and reads it back. */
  TypeAllowlist learning(WrittenTypes written) {
    return new TypeAllowlist(exact, packages, packageTrees, written, false);
  }

  /** Returns an allowlist that admits every class: for copies that never leave the process. */
  static TypeAllowlist trustingAll() {
    return new TypeAllowlist(Set.of(), List.of(), List.of(), null, true);
  }

  /**
   * Returns whether a serializer may write an object of {@code type}: when learning, always, and
   * the class is recorded; when strict, only if it {@link #allows} it.
   */
  boolean admitsWrite(Class<?> type) {
    if (trustAll || allows(type)) {
      return true;
    }
    if (written != null) {
      written.record(type);
      return true;
    }
    return false;
  }

  /**
   * Returns an allowlist of the built-in types plus {@code patterns}.
   *
   * @throws IllegalArgumentException naming a pattern that is not a class name, {@code pkg.*} or
   *     {@code pkg.**}; a bare {@code *} or {@code **} is refused because it would allow every class
   */
  static TypeAllowlist of(Collection<String> patterns) {
    Set<String> exact = new HashSet<>();
    List<String> packages = new ArrayList<>();
    List<String> trees = new ArrayList<>();
    for (String raw : patterns) {
      String pattern = raw.strip();
      if (!VALID.matcher(pattern).matches()) {
        throw new IllegalArgumentException("Invalid allowed type pattern \"" + raw + "\" in " + CONFIG_KEY
            + ": use a class name (com.acme.Order), a package (com.acme.*) or a package tree (com.acme.**)");
      }
      if (pattern.endsWith(".**")) {
        trees.add(pattern.substring(0, pattern.length() - 2));
      } else if (pattern.endsWith(".*")) {
        packages.add(pattern.substring(0, pattern.length() - 1));
      } else {
        exact.add(pattern);
      }
    }
    return new TypeAllowlist(exact, packages, trees, null, false);
  }

  /** Returns whether {@code type} may be written and read. */
  boolean allows(Class<?> type) {
    if (trustAll) {
      return true;
    }
    Class<?> c = type;
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (c.isPrimitive()) {
      return true;
    }
    if (Enum.class.isAssignableFrom(c) && !c.isEnum() && c != Enum.class) {
      c = c.getSuperclass(); // the body of an enum constant
    }
    if (c.isEnum() && c.getName().startsWith("java.")) {
      return true;
    }
    return allowsPlainName(c.getName());
  }

  /**
   * Returns the failure of a payload that names a class this allowlist refuses, having logged the
   * class and the fix the first time it is refused (at most {@value #MAX_LOGGED_REFUSALS} classes
   * are logged).
   */
  SerializationException refuseOnRead(String serializer, String className) {
    SerializationException failure = Failures.typeNotAllowed(serializer, className);
    if (loggedRefusals.size() < MAX_LOGGED_REFUSALS && loggedRefusals.add(className)) {
      LOG.warn("A cached payload names {}, which this process has never written and no rule admits: it was"
          + " refused without loading the class and reads as a miss. If another process of this application"
          + " writes it, add it to {} (or share signing_keys between the processes); if not, someone who can"
          + " write to the server planted it. Further refusals of this class are not logged", className, CONFIG_KEY);
    }
    return failure;
  }

  /**
   * Returns false if a class of this binary name is certainly not allowed, so that it need not be
   * loaded; true means the name is allowed or (for {@code java.*} enums) the loaded class decides.
   */
  boolean mayAllow(String binaryName) {
    if (trustAll) {
      return true;
    }
    String name = componentName(binaryName);
    return name == null || allowsPlainName(name) || name.startsWith("java.");
  }

  /** Returns whether the name (no array) is built in or matches a user pattern. */
  private boolean allowsPlainName(String name) {
    if (BUILT_IN.contains(name) || exact.contains(name) || isJavaTimeValue(name)
        || written != null && written.contains(name)) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot + 1);
    return packages.contains(pkg) || packageTrees.stream().anyMatch(name::startsWith);
  }

  private static boolean isJavaTimeValue(String name) {
    return name.startsWith("java.time.") && name.indexOf('.', "java.time.".length()) < 0;
  }

  /** Returns the element class name of an array's binary name, the name itself, or null for primitives. */
  private static String componentName(String binaryName) {
    int dims = 0;
    while (dims < binaryName.length() && binaryName.charAt(dims) == '[') {
      dims++;
    }
    if (dims == 0) {
      return binaryName;
    }
    String element = binaryName.substring(dims);
    return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
  }
}
