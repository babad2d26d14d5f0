package io.textprovenance.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault suite's documents, seeded: one segment for the baseline and one per fault, mixed lengths of valid prose
 * plus the hostile kinds round-robin (heavy ones capped), each segment shuffled.
 */
final class DocumentPlan {

    private final long seed;
    private final int documents;
    private final int faultCount;
    private final double hostileShare;
    private final double mediumShare;
    private final double longShare;
    private final int heavyPerKind;
    private final int maxTokens;
    private final ObjectMapper json = new ObjectMapper();

    DocumentPlan(long seed, int documents, int faultCount, double hostileShare, double mediumShare, double longShare,
                 int heavyPerKind, int maxTokens) {
        this.seed = seed;
        this.documents = documents;
        this.faultCount = faultCount;
        this.hostileShare = hostileShare;
        this.mediumShare = mediumShare;
        this.longShare = longShare;
        this.heavyPerKind = heavyPerKind;
        this.maxTokens = maxTokens;
    }

    /** The segments: the baseline's first, then one per fault. */
    List<List<Doc>> segments() {
        Random random = new Random(seed);
        int segmentCount = faultCount + 1;
        List<List<Doc>> segments = new ArrayList<>();
        // the baseline gets a smaller share so the faults have work in flight
        int baseline = faultCount == 0 ? documents : Math.max(10, documents / (segmentCount * 3));
        int perFault = (documents - baseline) / Math.max(1, faultCount);
        List<Kind> hostileKinds = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (kind.hostile) {
                hostileKinds.add(kind);
            }
        }
        int hostileTotal = Math.max(hostileKinds.size(), (int) Math.round(documents * hostileShare));
        // hostile kinds round-robin over the whole run; heavy ones capped
        List<Kind> hostile = new ArrayList<>();
        Map<Kind, Integer> heavyCount = new EnumMap<>(Kind.class);
        for (int i = 0; hostile.size() < hostileTotal && i < hostileTotal * 4; i++) {
            Kind kind = hostileKinds.get(i % hostileKinds.size());
            if (kind.heavy()) {
                if (heavyCount.merge(kind, 1, Integer::sum) > heavyPerKind) {
                    continue;
                }
            }
            hostile.add(kind);
        }
        Collections.shuffle(hostile, random);
        int docNumber = 0;
        int hostileIndex = 0;
        int[] serial = new int[Kind.values().length];
        for (int s = 0; s < segmentCount; s++) {
            int size = s == 0 ? baseline : (s == segmentCount - 1 ? documents - baseline - perFault * (faultCount - 1) : perFault);
            if (faultCount == 0) {
                size = documents;
            }
            int hostileHere = s == segmentCount - 1 ? hostile.size() - hostileIndex
                    : (int) Math.round((double) hostile.size() * size / documents);
            List<Doc> segment = new ArrayList<>();
            for (int i = 0; i < hostileHere && hostileIndex < hostile.size(); i++) {
                Kind kind = hostile.get(hostileIndex++);
                segment.add(hostile(kind, ++serial[kind.ordinal()], s, random));
            }
            while (segment.size() < size) {
                double r = random.nextDouble();
                Kind kind = r < longShare ? Kind.LONG : r < longShare + mediumShare ? Kind.MEDIUM : Kind.SHORT;
                segment.add(valid(kind, String.format("doc-%06d", ++docNumber), s, random));
            }
            Collections.shuffle(segment, random);
            segments.add(segment);
        }
        return segments;
    }

    private Doc valid(Kind kind, String id, int segment, Random random) {
        int words = switch (kind) {
            case SHORT -> 15 + random.nextInt(70);
            case MEDIUM -> 300 + random.nextInt(600);
            default -> words(0.5) + random.nextInt(words(0.85) - words(0.5));   // several windows, within the budget
        };
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("text", Texts.prose(random, words));
        if (random.nextInt(20) == 0) {
            node.put("explain", false);
        }
        return new Doc(id, kind, segment, id, json.writeValueAsBytes(node));
    }

    private Doc hostile(Kind kind, int n, int segment, Random random) {
        String id = "poison-" + kind.name().toLowerCase().replace('_', '-') + "-" + n;
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        byte[] value;
        String key = id;
        switch (kind) {
            case WHITESPACE_ONLY -> value = bytes(node.put("text", " \t\n   \u00a0\u2003 \n\n  ".repeat(1 + random.nextInt(20))));
            case EMOJI_ONLY -> value = bytes(node.put("text", "\uD83D\uDE00\uD83C\uDF89\uD83D\uDD25\uD83D\uDC4D\uD83D\uDE80 ".repeat(1 + random.nextInt(40))));
            case EXPLAIN_15K_TOKENS, EXPLAIN_AT_BUDGET -> {
                // 15k tokens (~11,500 words; over the service's per-request token budget), or just under the budget:
                // the largest explain=true verdict the service can be asked for
                node.put("text", Texts.prose(random, kind == Kind.EXPLAIN_15K_TOKENS ? 11_500 : words(0.9)));
                node.put("explain", true);
                value = bytes(node);
            }
            case INVALID_JSON -> value = ("{\"id\": \"" + id + "\", \"text\": \"an unterminated string").getBytes(StandardCharsets.UTF_8);
            case NOT_UTF8 -> {
                byte[] prefix = ("{\"id\": \"" + id + "\", \"text\": \"").getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(prefix);
                out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
                out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
                value = out.toByteArray();
            }
            case NOT_AN_OBJECT -> value = ("[\"" + id + "\", \"some text\"]").getBytes(StandardCharsets.UTF_8);
            case TOMBSTONE -> value = null;
            case MISSING_TEXT -> value = bytes(node.put("body", "the text is under the wrong name"));
            case TEXT_NUMBER -> value = bytes(node.put("text", 42));
            case TEXT_EMPTY -> value = bytes(node.put("text", ""));
            case EXPLAIN_STRING -> {
                node.put("text", Texts.prose(random, 60));
                node.put("explain", "yes");
                value = bytes(node);
            }
            case OVERSIZED_ID -> {
                key = id + "-" + "x".repeat(10_000);
                node.put("id", key);
                node.put("text", Texts.prose(random, 40));
                value = bytes(node);
            }
            case GZIP_OVER_1MB -> {
                node.put("text", Texts.prose(random, 240_000));   // ~1.5 MB of text; gzip makes it ~0.2 MB
                value = bytes(node);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return new Doc(id, kind, segment, key, value);
    }

    /** Words of generated prose that make {@code share} of the service's token budget (~1.31 tokens a word). */
    private int words(double share) {
        return (int) (maxTokens * share / 1.31);
    }

    private byte[] bytes(ObjectNode node) {
        return json.writeValueAsBytes(node);
    }
}
