package io.textprovenance.evaluation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line arguments, with clear errors for unknown or missing ones. */
public final class Arguments {

    private final Map<String, String> values = new HashMap<>();

    public Arguments(String[] args, String usage, String... known) {
        java.util.Set<String> allowed = java.util.Set.of(known);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !allowed.contains(name.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument '" + name + "'\nusage: " + usage);
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Path path(String name, String fallback) {
        return Path.of(text(name, fallback));
    }

    public int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    /** {@code --name true|false}; false when absent. */
    public boolean flag(String name) {
        return flag(name, false);
    }

    /** {@code --name true|false}; {@code fallback} when absent. */
    public boolean flag(String name, boolean fallback) {
        String value = values.getOrDefault(name, String.valueOf(fallback));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " takes true or false, not '" + value + "'");
        }
        return value.equals("true");
    }

    public double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }
}
