package io.textprovenance.reliability;

import java.util.Arrays;

/** Entry point: {@code faults} (the Kafka fault suite) or {@code load} (REST load at several client counts). */
public final class Main {

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Main faults|load --key=value...");
            System.exit(2);
        }
        Args args = Args.parse(Arrays.copyOfRange(argv, 1, argv.length));
        int failures = switch (argv[0]) {
            case "faults" -> new FaultSuite(args).run();
            case "load" -> new LoadTest(args).run();
            default -> {
                System.err.println("unknown command " + argv[0]);
                yield 2;
            }
        };
        System.exit(failures == 0 ? 0 : 1);
    }
}
