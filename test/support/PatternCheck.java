/*
 * Whether each of the project's JSON Schema patterns finds a match in each text, as a Java JSON
 * Schema validator reads a "pattern" (java.util.regex, Matcher.find). Standard input: one line
 * "NAME BASE64(PATTERN)" per pattern, a line "--", then one line BASE64(TEXT) per text (UTF-8).
 * Standard output: one line per pattern, "NAME " and a 0 or 1 per text.
 *
 * Run as a single-file program: java test/support/PatternCheck.java < request
 */
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

public class PatternCheck {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<String> names = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Base64.Decoder base64 = Base64.getDecoder();
    boolean inTexts = false;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("--")) {
        inTexts = true;
      } else if (!inTexts) {
        int space = line.indexOf(' ');
        names.add(line.substring(0, space));
        patterns.add(Pattern.compile(new String(base64.decode(line.substring(space + 1)), StandardCharsets.UTF_8)));
      } else {
        texts.add(new String(base64.decode(line), StandardCharsets.UTF_8));
      }
    }
    StringBuilder out = new StringBuilder();
    for (int p = 0; p < patterns.size(); p++) {
      out.append(names.get(p)).append(' ');
      for (String text : texts) out.append(patterns.get(p).matcher(text).find() ? '1' : '0');
      out.append('\n');
    }
    System.out.print(out);
  }
}
