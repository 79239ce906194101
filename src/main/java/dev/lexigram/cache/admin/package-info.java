/**
 * The status page ({@code cache.service.admin}): read-only HTML, rendered on the server (inline
 * SVG charts, no script, no web framework), served by the JDK's {@code com.sun.net.httpserver}.
 */
package dev.lexigram.cache.admin;
