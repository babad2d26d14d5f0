package io.textprovenance.stats.synthetic;

import io.textprovenance.stats.TokenObservation;
import java.util.SplittableRandom;

/**
 * A sequential source with known truth, standing in for a language model in Monte-Carlo checks.
 *
 * <p>Model A owns a pool of next-token distributions drawn from symmetric Dirichlet laws whose
 * concentrations range from peaked (0.02) to flat (1.0), so per-token entropies span about 0.5 to 5
 * nats as a real LM's do. The distribution used at step t depends on the prefix: its index is a hash of
 * (previous token, t). Texts are sampled from A itself (H0) or from a perturbed source Q (tempered or
 * mixed with other distributions) and always scored by A: every observation is what A reports for the
 * sampled token.
 */
public final class SyntheticSource {

    private static final double[] CONCENTRATIONS = {0.02, 0.05, 0.1, 0.3, 1.0};

    private final Categorical[] model;
    private final Categorical[] sampling;

    private SyntheticSource(Categorical[] model, Categorical[] sampling) {
        this.model = model;
        this.sampling = sampling;
    }

    /**
     * Model A with {@code poolSize} distributions over {@code vocabulary} tokens.
     *
     * @param clip clipping level c used for the clipped moments
     * @param seed seed of the pool
     */
    public static SyntheticSource modelA(int vocabulary, int poolSize, double clip, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Categorical[] pool = new Categorical[poolSize];
        for (int j = 0; j < poolSize; j++) {
            pool[j] = Categorical.dirichlet(vocabulary, CONCENTRATIONS[j % CONCENTRATIONS.length], clip, random);
        }
        return new SyntheticSource(pool, pool);
    }

    /** The same model A, but texts sampled at {@code temperature} (below 1: sharper, L &lt; H). */
    public SyntheticSource sampledAtTemperature(double temperature, double clip) {
        Categorical[] tempered = new Categorical[model.length];
        for (int j = 0; j < model.length; j++) {
            tempered[j] = model[j].tempered(temperature, clip);
        }
        return new SyntheticSource(model, tempered);
    }

    /**
     * The same model A, but texts sampled from another model that mixes A's distribution with an
     * unrelated one of the pool (L &gt; H: A is surprised more than by its own samples).
     */
    public SyntheticSource sampledFromOtherModel(double weight, double clip) {
        Categorical[] other = new Categorical[model.length];
        for (int j = 0; j < model.length; j++) {
            other[j] = model[j].mixedWith(model[(j * 7 + 3) % model.length], weight, clip);
        }
        return new SyntheticSource(model, other);
    }

    /** A cursor producing one text token by token. */
    public Text text(SplittableRandom random) {
        return new Text(random);
    }

    /** One text being sampled; {@link #next()} returns what A reports for the next sampled token. */
    public final class Text {
        private final SplittableRandom random;
        private int previous;
        private int step;

        private Text(SplittableRandom random) {
            this.random = random;
        }

        public TokenObservation next() {
            int index = Math.floorMod(previous * 0x9E3779B1 + step * 0x85EBCA6B, model.length);
            int token = sampling[index].sample(random);
            previous = token;
            step++;
            return model[index].observation(token);
        }
    }
}
