package ecstop.emulator;

import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit hashing. Every simulated value is a pure function of hashes of its inputs
 * (seed, cluster, service, metric, time), so any window asked for at any time agrees with
 * any other, and nothing depends on the order in which things were asked.
 */
final class Hashing {
    private Hashing() {}

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long of(long a, long b) {
        return mix(mix(a) ^ (b * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
    }

    static long of(long a, long b, long c) {
        return of(of(a, b), c);
    }

    /** FNV-1a over the UTF-8 bytes, then mixed; String.hashCode is only 32 bits. */
    static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** Uniform in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    static double signed(long h) {
        return unit(h) * 2 - 1;
    }
}
