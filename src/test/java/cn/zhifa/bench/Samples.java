package cn.zhifa.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latencies by kind, in nanoseconds; thread-safe. */
final class Samples {

    private final Map<String, List<Long>> byKind = new TreeMap<>();

    synchronized void add(String kind, long nanos) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
    }

    synchronized void addAll(Samples other) {
        other.byKind.forEach((k, v) -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }

    synchronized Map<String, List<Long>> snapshot() {
        Map<String, List<Long>> copy = new TreeMap<>();
        byKind.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    synchronized List<Long> of(String kind) {
        return new ArrayList<>(byKind.getOrDefault(kind, List.of()));
    }

    /** Nearest-rank percentile in milliseconds; NaN without samples. */
    static double percentileMs(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static double maxMs(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
