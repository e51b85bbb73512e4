// A Java 17 client of `wubi-wuping serve`, on the JDK alone (java.net.http.HttpClient):
// it reads /openapi.json, checks that the operations it calls are there, then scores each input
// file, ranks the results and verifies the first result against its input.
//
//   java WubiClient.java http://127.0.0.1:8080 examples/2022/cgjdk.json examples/2022/zfzd.json
//
// Exit code 0 when every call answered as expected, 1 otherwise.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class WubiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private WubiClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** One call; throws when the status is not the one expected, with the error body. */
    private String call(String method, String path, String contentType, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("content-type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The path of an operation in the OpenAPI document, found by its operationId. */
    private static String pathOf(String openApi, String operationId) {
        Matcher m = Pattern.compile("\"(/[^\"]*)\": \\{\\s*\"(get|post)\": \\{\\s*\"operationId\": \"" + operationId + "\"").matcher(openApi);
        if (!m.find()) throw new IllegalStateException("/openapi.json has no operation " + operationId);
        return m.group(1);
    }

    /** The string value of a top-level-looking JSON field (enough for "total" and "id" here). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java WubiClient.java BASE_URL INPUT.json…");
            System.exit(2);
        }
        WubiClient client = new WubiClient(args[0]);
        String openApi = client.call("GET", "/openapi.json", null, null, 200);
        if (!openApi.contains("\"openapi\": \"3.1.0\"")) throw new IllegalStateException("not an OpenAPI 3.1 document");
        String score = pathOf(openApi, "score");
        String rank = pathOf(openApi, "rank");
        String verify = pathOf(openApi, "verify");

        List<String> inputs = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String input = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
            String result = client.call("POST", score + "?lang=en", "application/json", input, 200).trim();
            inputs.add(input);
            results.add(result);
            System.out.println("score " + field(result, "id") + " " + field(result, "total"));
        }
        String ranking = client.call("POST", rank, "application/json", "[" + String.join(",", results) + "]", 200);
        Matcher entry = Pattern.compile("\"id\": \"([^\"]*)\"[\\s\\S]*?\"rank\": (null|[0-9]+)").matcher(ranking);
        while (entry.find()) System.out.println("rank " + entry.group(1) + " " + entry.group(2));
        String verdict = client.call("POST", verify, "application/json", "{\"input\":" + inputs.get(0) + ",\"result\":" + results.get(0) + "}", 200);
        System.out.println("verify " + verdict.trim());
        String refused = client.call("POST", score + "?policy=nowhere&lang=en", "application/json", inputs.get(0), 422);
        System.out.println("422 " + field(refused, "code"));
        System.exit(verdict.contains("\"ok\":true") ? 0 : 1);
    }
}
