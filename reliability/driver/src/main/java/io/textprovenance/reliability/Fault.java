package io.textprovenance.reliability;

import java.util.ArrayList;
import java.util.List;

/** One injected fault and what was measured around it. */
final class Fault {
    final String name;
    final int segment;
    long injected;
    long restored;
    long live;
    long drained = -1;
    Long circuitOpened;
    String restProbe;
    final List<String> notes = new ArrayList<>();

    Fault(String name, int segment) {
        this.name = name;
        this.segment = segment;
    }
}
