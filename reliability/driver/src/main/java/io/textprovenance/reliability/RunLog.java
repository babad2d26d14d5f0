package io.textprovenance.reliability;

/** The fault suite's log lines: wall-clock time and seconds since the suite started. */
final class RunLog {

    private final long t0 = System.nanoTime();

    void log(String format, Object... args) {
        System.out.printf("[%s +%5.1fs] %s%n", java.time.LocalTime.now().withNano(0), (System.nanoTime() - t0) / 1e9,
                String.format(format, args));
        System.out.flush();
    }
}
