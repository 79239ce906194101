/**
 * Spring Boot integration that needs no user code: with Actuator on the class path, the health of
 * every lexigram-cache backend is part of {@code /actuator/health} (auto-configured through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}). Spring
 * Boot and Actuator are optional dependencies; nothing here loads without them.
 */
package dev.lexigram.cache.spring;
