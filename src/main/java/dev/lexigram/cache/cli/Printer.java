package dev.lexigram.cache.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;

/** Writes a command's answer: aligned columns for people, or JSON ({@code --json}) for scripts. */
final class Printer {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).findAndRegisterModules();

  private final PrintWriter out;
  private final boolean json;

  Printer(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  /** Writes rows under a header as aligned columns, or, with --json, {@code rows} as JSON. */
  void table(List<String> header, List<List<String>> rows, Object asJson) {
    if (json) {
      value(asJson);
      return;
    }
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    line(header, widths);
    rows.forEach(row -> line(row, widths));
    out.flush();
  }

  private void line(List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      text.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + (widths[i] + 2) + "s", cells.get(i)));
    }
    out.println(text.toString().stripTrailing());
  }

  /** Writes a value: as JSON with --json, else its text. */
  void value(Object value) {
    out.println(json ? toJson(value) : String.valueOf(value));
    out.flush();
  }

  /** Writes a line of text (ignored with --json, whose output is the JSON alone). */
  void text(String line) {
    if (!json) {
      out.println(line);
      out.flush();
    }
  }

  /** The value as JSON; a value Jackson cannot write, as its text. */
  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return JSON.valueToTree(String.valueOf(value)).toString();
    }
  }
}
