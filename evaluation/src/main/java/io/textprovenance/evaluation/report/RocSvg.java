package io.textprovenance.evaluation.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An SVG plot of ROC curves, one polyline per detector, with a log-free linear FPR axis. */
final class RocSvg {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int SIZE = 360;
    private static final int MARGIN = 40;

    private RocSvg() {
    }

    /** @param curves detector name to {machine scores, human scores} */
    static String render(String title, Map<String, double[][]> curves) {
        StringBuilder svg = new StringBuilder();
        int full = SIZE + 2 * MARGIN;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n", full + 150, full));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>%n", MARGIN,
                escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#444\"/>%n", MARGIN, MARGIN, SIZE, SIZE));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\""
                + " stroke-dasharray=\"4\"/>%n", MARGIN, MARGIN + SIZE, MARGIN + SIZE, MARGIN));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">false-positive rate</text>%n",
                MARGIN + SIZE / 2 - 40, full - 8));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" transform=\"rotate(-90 10 %d)\">"
                + "true-positive rate</text>%n", MARGIN + SIZE / 2 + 40, MARGIN + SIZE / 2 + 40));
        int index = 0;
        for (Map.Entry<String, double[][]> curve : curves.entrySet()) {
            String color = COLORS[index % COLORS.length];
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"");
            String previous = "";
            for (double[] point : points(curve.getValue()[0], curve.getValue()[1])) {
                // one vertex per 0.1-pixel position: thousands of thresholds draw the same picture
                String vertex = String.format(Locale.ROOT, "%.1f,%.1f ", MARGIN + point[0] * SIZE,
                        MARGIN + (1 - point[1]) * SIZE);
                if (!vertex.equals(previous)) {
                    svg.append(vertex);
                    previous = vertex;
                }
            }
            svg.append("\"/>\n");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    MARGIN + SIZE + 10, MARGIN + 14 + 16 * index, color, escape(curve.getKey())));
            index++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** ROC points (FPR, TPR) over all thresholds, from (0,0) to (1,1). */
    static List<double[]> points(double[] machine, double[] human) {
        double[] thresholds = new double[machine.length + human.length];
        System.arraycopy(machine, 0, thresholds, 0, machine.length);
        System.arraycopy(human, 0, thresholds, machine.length, human.length);
        Arrays.sort(thresholds);
        double[] sortedMachine = machine.clone();
        double[] sortedHuman = human.clone();
        Arrays.sort(sortedMachine);
        Arrays.sort(sortedHuman);
        java.util.ArrayList<double[]> points = new java.util.ArrayList<>();
        points.add(new double[] {0, 0});
        for (int i = thresholds.length - 1; i >= 0; i--) {
            if (i < thresholds.length - 1 && thresholds[i] == thresholds[i + 1]) {
                continue;
            }
            double t = thresholds[i];
            points.add(new double[] {atLeast(sortedHuman, t), atLeast(sortedMachine, t)});
        }
        points.add(new double[] {1, 1});
        return points;
    }

    private static double atLeast(double[] sorted, double threshold) {
        int index = Arrays.binarySearch(sorted, threshold);
        if (index < 0) {
            index = -index - 1;
        } else {
            while (index > 0 && sorted[index - 1] == threshold) {
                index--;
            }
        }
        return (double) (sorted.length - index) / sorted.length;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
