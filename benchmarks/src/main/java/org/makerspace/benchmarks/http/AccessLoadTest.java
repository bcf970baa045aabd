package org.makerspace.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP load on the access endpoint beside a trivial endpoint of the same application, in the same run: the server's
 * {@code GET /api/machines/{id}/time} goes through the same connector, security filter chain and machine key as
 * {@code POST /api/machines/{id}/access} and answers the clock, so it is the ceiling of the HTTP stack, and the
 * ratio says what deciding costs on top. The server runs as a separate JVM from its executable jar on the embedded
 * storage; the lab it serves is provisioned through the API: one laser, {@value #MEMBERS} certified members with a
 * card each, asked about by card fingerprint (as controllers ask), 5 % unknown cards.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.makerspace.benchmarks.http.AccessLoadTest
 * badges-api/target/badges-api-<version>.jar [results.json]}; prints a Markdown table.
 */
public final class AccessLoadTest {

    static final int MEMBERS = 200;
    private static final int[] CONCURRENCY = {1, 4, 16, 64};
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    private AccessLoadTest() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        try (ServerProcess server = ServerProcess.start(jar)) {
            Provisioned lab = provision(new Api(server.base()), MEMBERS);
            List<LoadGenerator.Result> results = new ArrayList<>();
            for (int concurrency : CONCURRENCY) {
                results.add(LoadGenerator.run("GET /api/machines/{id}/time (trivial)", concurrency, WARM_UP, MEASURE,
                                              n -> lab.time(server)));
                results.add(LoadGenerator.run("POST /api/machines/{id}/access", concurrency, WARM_UP, MEASURE,
                                              n -> lab.access(server, n)));
            }
            print(results);
            if (args.length > 1) {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), results);
            }
        }
    }

    record Provisioned(String machineId, String machineKey, List<String> cardHashes, String trainerToken) {

        HttpRequest time(ServerProcess server) {
            return HttpRequest.newBuilder(server.base().resolve("/api/machines/" + machineId + "/time"))
                    .header("Authorization", "Bearer " + machineKey).GET().build();
        }

        HttpRequest access(ServerProcess server, int n) {
            String card = cardHashes.get(Math.floorMod(n * 31, cardHashes.size()));
            return HttpRequest.newBuilder(server.base().resolve("/api/machines/" + machineId + "/access"))
                    .header("Authorization", "Bearer " + machineKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"cardHash\":\"" + card + "\"}"))
                    .build();
        }
    }

    /**
     * A lab with one laser, a qualified trainer and {@code members} members certified AUTONOMOUS on lasers, each
     * with a card ({@code load-member-<i>}, certification {@code c-<i>}), plus 5 % unknown cards at the end of the
     * hashes; returns once the last member is granted.
     */
    static Provisioned provision(Api api, int members) throws Exception {
        String admin = api.login(ServerProcess.ADMIN, ServerProcess.PASSWORD);
        String lab = "load-lab";
        api.post("/api/labs", admin, Map.of("labId", lab, "name", "Load lab", "publicUrl", "https://load.example"),
                 201);
        api.post("/api/accounts", admin, account("load-admin", "LAB_ADMIN", lab, Map.of()), 201);
        String labAdmin = api.login("load-admin", ServerProcess.PASSWORD);
        String machine = "load-laser";
        api.post("/api/labs/" + lab + "/machines", labAdmin, Map.of("machineId", machine, "name", "Laser",
                 "machineType", "laser-cutter", "riskLevel", "HIGH", "maxSessionMinutes", 120), 201);
        api.post("/api/labs/" + lab + "/trainers", labAdmin, Map.of("trainerId", "load-trainer"), 201);
        api.post("/api/labs/" + lab + "/trainers/load-trainer/qualifications", labAdmin,
                 Map.of("machineType", "laser-cutter"), 204);
        api.post("/api/accounts", admin, account("load-trainer", "TRAINER", lab, Map.of("trainerId", "load-trainer")),
                 201);
        String trainer = api.login("load-trainer", ServerProcess.PASSWORD);
        JsonNode setup = api.postEventually("/api/labs/" + lab + "/machines/" + machine + "/keys", labAdmin, Map.of(),
                                            201);
        byte[] cardKey = Base64.getDecoder().decode(setup.path("cardKey").asText());
        SplittableRandom random = new SplittableRandom(7);
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String member = "load-member-" + i;
            String uid = String.format("%014x", random.nextLong() & 0xffffffffffffffL);
            api.post("/api/labs/" + lab + "/members", trainer, Map.of("memberId", member, "displayName", "M " + i),
                     201);
            api.post("/api/members/" + member + "/certifications", trainer,
                     Map.of("certificationId", "c-" + i, "labId", lab, "scope", Map.of("machineType", "laser-cutter"),
                            "level", "AUTONOMOUS", "expiry", Map.of("kind", "never")), 201);
            api.post("/api/members/" + member + "/cards", trainer, Map.of("cardUid", uid), 201);
            hashes.add(cardHash(cardKey, uid));
        }
        for (int i = 0; i < members / 20; i++) {
            hashes.add(cardHash(cardKey, String.format("%014x", random.nextLong() & 0xffffffffffffffL)));
        }
        String lastMember = hashes.get(members - 1);
        String machineKey = setup.path("key").asText();
        api.postEventually("/api/machines/" + machine + "/access", machineKey, Map.of("cardHash", lastMember), 200);
        awaitGranted(api, machine, machineKey, lastMember);
        return new Provisioned(machine, machineKey, hashes, trainer);
    }

    private static void awaitGranted(Api api, String machine, String key, String card) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode answer = api.post("/api/machines/" + machine + "/access", key, Map.of("cardHash", card), 200);
            if (answer.path("decision").asText().equals("granted")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the last member is still not granted: the read models did not catch up");
    }

    private static Map<String, Object> account(String username, String role, String lab, Map<String, Object> extra) {
        Map<String, Object> account = new LinkedHashMap<>(Map.of("username", username, "password",
                                                                 ServerProcess.PASSWORD, "roles", List.of(role),
                                                                 "labId", lab));
        account.putAll(extra);
        return account;
    }

    /** What a controller computes: HMAC-SHA256 of the lowercase hex UID under the lab's card key. */
    static String cardHash(byte[] cardKey, String uid) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(cardKey, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(uid.getBytes(StandardCharsets.UTF_8)));
    }

    private static void print(List<LoadGenerator.Result> results) {
        System.out.println("| endpoint | clients | requests/s | p50 | p99 | max | errors |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (LoadGenerator.Result result : results) {
            System.out.printf("| %s | %d | %,.0f | %.2f ms | %.2f ms | %.1f ms | %d |%n", result.endpoint(),
                              result.concurrency(), result.requestsPerSecond(), result.p50Micros() / 1000.0,
                              result.p99Micros() / 1000.0, result.maxMicros() / 1000.0, result.errors());
        }
        for (int i = 0; i + 1 < results.size(); i += 2) {
            System.out.printf("clients %d: access/trivial throughput ratio %.0f %%%n", results.get(i).concurrency(),
                              100 * results.get(i + 1).requestsPerSecond() / results.get(i).requestsPerSecond());
        }
    }
}
