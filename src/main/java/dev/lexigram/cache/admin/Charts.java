package dev.lexigram.cache.admin;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts, drawn on the server: a sparkline and a histogram. */
final class Charts {

  private Charts() {}

  /** The hit ratios (0 to 1, NaN for a sample without gets) as a line 180 × 36 px. */
  static String sparkline(List<Double> ratios) {
    StringBuilder svg = new StringBuilder("<svg class=\"sparkline\" width=\"180\" height=\"36\" viewBox=\"0 0 180 36\">")
        .append("<rect width=\"180\" height=\"36\" fill=\"#f8f8f8\"/>");
    StringBuilder points = new StringBuilder();
    int slots = HitRatioHistory.SAMPLES - 1;
    for (int i = 0; i < ratios.size(); i++) {
      double ratio = ratios.get(i);
      if (!Double.isNaN(ratio)) {
        double x = Math.min(177, 180.0 * (HitRatioHistory.SAMPLES - ratios.size() + i) / slots);
        double y = 34 - 32 * ratio;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#2563eb\"/>", x, y));
      }
    }
    if (points.length() > 0) {
      svg.append("<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\" points=\"").append(points.toString().trim())
          .append("\"/>");
    }
    return svg.append("</svg>").toString();
  }

  /** The 101 buckets of a nearest-similarity histogram (0.00 to 1.00) as bars 303 × 60 px. */
  static String histogram(long[] buckets) {
    long highest = 1;
    for (long count : buckets) {
      highest = Math.max(highest, count);
    }
    StringBuilder svg = new StringBuilder("<svg class=\"histogram\" width=\"303\" height=\"72\" viewBox=\"0 0 303 72\">")
        .append("<rect width=\"303\" height=\"60\" fill=\"#f8f8f8\"/>");
    for (int i = 0; i < buckets.length; i++) {
      if (buckets[i] > 0) {
        double height = 58.0 * buckets[i] / highest;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"3\" height=\"%.1f\" fill=\"#7c3aed\">"
            + "<title>%.2f: %d</title></rect>", i * 3, 60 - height, height, i / 100.0, buckets[i]));
      }
    }
    return svg.append("<text x=\"0\" y=\"71\" font-size=\"10\">0</text><text x=\"140\" y=\"71\" font-size=\"10\">0.5</text>")
        .append("<text x=\"290\" y=\"71\" font-size=\"10\">1</text></svg>").toString();
  }
}
