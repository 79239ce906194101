/**
 * The circuit breaker of a remote backend ({@code cache.service.circuit_breaker}): after a run of
 * calls that could not reach the server, calls fail at once instead of each waiting for the
 * network, and one call at a time probes whether the server is back.
 */
package dev.lexigram.cache.breaker;
