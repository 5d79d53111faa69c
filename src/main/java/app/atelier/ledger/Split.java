package app.atelier.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount by weights with the largest-remainder method: each part is its exact share rounded down, and
 * the cents left over go one each to the largest remainders, earlier parts first on a tie. The parts add up to
 * the whole, and none differs from its exact share by a cent or more.
 */
public final class Split {
    private Split() {
    }

    public static long[] of(long total, List<Long> weights) {
        if (total < 0) throw new IllegalArgumentException("a split of a negative amount");
        if (weights.stream().anyMatch(w -> w < 0)) throw new IllegalArgumentException("a negative weight");
        BigInteger sum = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        if (sum.signum() == 0) throw new IllegalArgumentException("every weight is zero");
        int n = weights.size();
        long[] parts = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            // total * weight can pass a long's range: exact in BigInteger, and each part fits since it is at most total.
            BigInteger[] division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(sum);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given = Math.addExact(given, parts[i]);
        }
        long left = total - given;
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) parts[order.get(k)]++;
        return parts;
    }
}
