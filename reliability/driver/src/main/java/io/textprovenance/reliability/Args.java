package io.textprovenance.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** --key=value options; a missing key without a default is an error. */
final class Args {

    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    static Args parse(String[] argv) {
        Map<String, String> values = new HashMap<>();
        for (String arg : argv) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                values.put(arg.substring(2), "true");
            } else {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return new Args(values);
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + key);
        }
        return value;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int getInt(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    long getLong(String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    Duration seconds(String key, double fallback) {
        double seconds = values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    List<String> list(String key, String fallback) {
        List<String> items = new ArrayList<>();
        for (String item : get(key, fallback).split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
