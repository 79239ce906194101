package dev.lexigram.cache.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lexigram.cache.metrics.Instruments.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders the status: backends and their health, caches with hit ratio, evictions and a chart of
 * the last minutes, near caches, semantic caches' nearest-similarity histograms, locks, and every
 * instrument; as HTML (refreshing itself every {@value AdminServer#SAMPLE_SECONDS} s) or JSON.
 */
final class StatusPage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StatusSource source;
  private final HitRatioHistory history;

  StatusPage(StatusSource source, HitRatioHistory history) {
    this.source = source;
    this.history = history;
  }

  private record BackendHealth(String name, boolean up, String detail) {}

  private List<BackendHealth> backends() {
    List<BackendHealth> backends = new ArrayList<>();
    source.manager().health().forEach((name, health) -> backends.add(health.isOk()
        ? new BackendHealth(name, true, String.format(Locale.ROOT, "%.2f ms", health.unwrap().toNanos() / 1e6))
        : new BackendHealth(name, false, health.error().kind() + ": " + health.error().message())));
    return backends;
  }

  private double instrument(List<Instrument> all, String name, String tag, String value) {
    for (Instrument instrument : all) {
      if (instrument.name().equals(name) && value.equals(instrument.tags().get(tag))) {
        return instrument.value().getAsDouble();
      }
    }
    return Double.NaN;
  }

  String json() {
    List<Instrument> instruments = source.manager().instruments().list();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("configuration", source.manager().configurationSource());
    status.put("backends", backends());
    status.put("caches", source.caches());
    Map<String, Double> values = new TreeMap<>();
    for (Instrument instrument : instruments) {
      values.put(instrument.name() + new TreeMap<>(instrument.tags()), instrument.value().getAsDouble());
    }
    status.put("instruments", values);
    try {
      return JSON.writeValueAsString(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  String html() {
    List<CacheStatus> caches = source.caches(); // the chart's samples are the sampler's, not the viewers'
    List<Instrument> instruments = source.manager().instruments().list();
    StringBuilder page = new StringBuilder(8_192);
    page.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"refresh\" content=\"").append(AdminServer.SAMPLE_SECONDS).append("\">")
        .append("<title>lexigram-cache status</title><style>")
        .append("body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;")
        .append("margin-top:28px}table{border-collapse:collapse}td,th{padding:4px 12px;border-bottom:1px solid #ddd;")
        .append("text-align:left}th{background:#f4f4f4}.up{color:#17803d;font-weight:600}.down{color:#b91c1c;")
        .append("font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}")
        .append("</style></head><body>");
    page.append("<h1>lexigram-cache</h1><small>").append(esc(source.manager().configurationSource())).append(" · ")
        .append(Instant.now()).append(" · refreshes every ").append(AdminServer.SAMPLE_SECONDS).append(" s</small>");

    page.append("<h2>Backends</h2><table id=\"backends\"><tr><th>backend</th><th>status</th><th>round trip / error</th></tr>");
    for (BackendHealth backend : backends()) {
      page.append("<tr><td>").append(esc(backend.name())).append("</td><td class=\"").append(backend.up() ? "up" : "down")
          .append("\">").append(backend.up() ? "UP" : "DOWN").append("</td><td>").append(esc(backend.detail()))
          .append("</td></tr>");
    }
    page.append("</table>");

    page.append("<h2>Caches</h2><table id=\"caches\"><tr><th>cache</th><th>backend</th><th class=\"num\">hits</th>")
        .append("<th class=\"num\">misses</th><th class=\"num\">hit ratio</th><th class=\"num\">evictions</th>")
        .append("<th class=\"num\">near copies</th><th>hit ratio, last 5 minutes</th></tr>");
    for (CacheStatus cache : caches) {
      double near = instrument(instruments, "cache.near.size", "cache", cache.name());
      page.append("<tr><td>").append(esc(cache.name())).append("</td><td>").append(esc(cache.backend())).append("</td>");
      if (cache.statistics()) {
        page.append(num(cache.hits())).append(num(cache.misses())).append("<td class=\"num\">")
            .append(Double.isNaN(cache.hitRatio()) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * cache.hitRatio()))
            .append("</td>").append(num(cache.evictions()));
      } else {
        page.append("<td colspan=\"4\"><small>statistics off (statistics: true)</small></td>");
      }
      page.append("<td class=\"num\">").append(Double.isNaN(near) ? "–" : String.format("%,.0f", near)).append("</td><td>")
          .append(Charts.sparkline(history.of(cache.name()))).append("</td></tr>");
    }
    page.append("</table>");

    Set<String> semantic = new LinkedHashSet<>();
    for (Instrument instrument : instruments) {
      if (instrument.name().equals("cache.semantic.lookups")) {
        semantic.add(instrument.tags().get("cache"));
      }
    }
    if (!semantic.isEmpty()) {
      page.append("<h2>Semantic caches: similarity of the nearest stored prompt</h2>");
      for (String name : semantic) {
        long[] histogram = source.manager().semanticCache(name).statistics().nearestSimilarity();
        page.append("<div id=\"semantic-").append(esc(name)).append("\"><b>").append(esc(name)).append("</b><br>")
            .append(Charts.histogram(histogram)).append("</div>");
      }
    }

    page.append("<h2>Instruments</h2><small>locks, circuit breakers, tags, stampede protection, near caches,")
        .append(" extension errors (see docs/operations.md)</small><table id=\"instruments\"><tr><th>name</th>")
        .append("<th>tags</th><th class=\"num\">value</th></tr>");
    for (Instrument instrument : instruments) {
      double value = instrument.value().getAsDouble();
      page.append("<tr><td>").append(esc(instrument.name())).append("</td><td><small>")
          .append(esc(new TreeMap<>(instrument.tags()).toString())).append("</small></td><td class=\"num\">")
          .append(Double.isNaN(value) ? "–" : value == Math.rint(value) ? String.format("%,.0f", value)
              : String.format(Locale.ROOT, "%.3f", value)).append("</td></tr>");
    }
    page.append("</table></body></html>");
    return page.toString();
  }

  private static String num(long value) {
    return "<td class=\"num\">" + String.format("%,d", value) + "</td>";
  }

  static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
