package defectlens.review.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nearest neighbours by cosine on hand-made sets: exact search is exact, HNSW finds nearly all of them. */
class SimilarItemsTest {
    @Test
    void exactSearchRanksByCosineAndSkipsItemsWithoutEmbedding() {
        float[][] v = {
            {1, 0, 0},      // 0
            {0, 1, 0},      // 1
            {1, 1, 0},      // 2: cos 0.707 to (1,0,0)
            {10, 1, 0},     // 3: cos 0.995 (length does not matter)
            {-1, 0, 0},     // 4: cos -1
            {Float.NaN, Float.NaN, Float.NaN}, // 5: not embedded
            {2, 0, 0},      // 6: cos 1, ties with 0: lower item first
        };
        ExactIndex index = new ExactIndex(v);
        List<Neighbour> n = index.nearest(new float[] {3, 0, 0}, 10);
        assertEquals(List.of(0, 6, 3, 2, 1, 4), n.stream().map(Neighbour::item).toList());
        assertEquals(1f, n.get(0).similarity(), 1e-6);
        assertEquals((float) (1 / Math.sqrt(2)), n.get(3).similarity(), 1e-6);
        assertEquals(-1f, n.get(5).similarity(), 1e-6);
        assertEquals(List.of(0, 6), index.nearest(new float[] {1, 0, 0}, 2).stream().map(Neighbour::item).toList());
    }

    @Test
    void exactSearchAgreesWithABruteForceSortOnRandomData() {
        Random r = new Random(7);
        float[][] v = new float[5000][16];
        for (float[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        float[] q = v[123];
        List<Integer> truth = java.util.stream.IntStream.range(0, v.length).boxed()
                .sorted((a, b) -> Double.compare(cos(q, v[b]), cos(q, v[a]))).limit(10).toList();
        assertEquals(truth, new ExactIndex(v).nearest(q, 10).stream().map(Neighbour::item).toList());
    }

    @Test
    void hnswFindsAlmostAllTrueNeighboursOfClusteredData() {
        Random r = new Random(11);
        float[][] centres = new float[20][24];
        for (float[] c : centres) {
            for (int j = 0; j < c.length; j++) {
                c[j] = (float) r.nextGaussian();
            }
        }
        float[][] v = new float[3000][24];
        for (int i = 0; i < v.length; i++) {
            float[] c = centres[i % centres.length];
            for (int j = 0; j < 24; j++) {
                v[i][j] = c[j] + 0.3f * (float) r.nextGaussian();
            }
        }
        SimilarityIndex exact = new ExactIndex(v);
        SimilarityIndex approx = HnswSimilarityIndex.build(v, Progress.NONE);
        assertEquals(3000, approx.size());
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queries.add(v[i * 29]);
        }
        double recall = SimilarItems.recall(exact, approx, queries, 10);
        assertTrue(recall >= 0.9, "recall@10 " + recall);
        assertEquals(1.0, SimilarItems.recall(exact, exact, queries, 10), 1e-12);
    }

    @Test
    void copiesOfOneEmbeddingShareAGraphNodeAndAreAnsweredAsExactSearchAnswersTies() {
        Random r = new Random(5);
        float[][] distinct = new float[400][16];
        for (float[] row : distinct) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        // every embedding 25 times, as in a file where each map appears 25 times (items i, i + 400, i + 800, ...)
        float[][] v = new float[400 * 25][];
        for (int i = 0; i < v.length; i++) {
            v[i] = distinct[i % 400].clone();
        }
        v[7] = new float[16];
        java.util.Arrays.fill(v[7], Float.NaN);
        ExactIndex exact = new ExactIndex(v);
        HnswSimilarityIndex hnsw = HnswSimilarityIndex.build(v, Progress.NONE);
        assertEquals(v.length - 1, hnsw.size());
        assertEquals(400, hnsw.distinct());

        List<Neighbour> copies = hnsw.nearest(distinct[3], 10);
        assertEquals(List.of(3, 403, 803, 1203, 1603, 2003, 2403, 2803, 3203, 3603),
                copies.stream().map(Neighbour::item).toList());
        assertEquals(exact.nearest(distinct[3], 10).stream().map(Neighbour::item).toList(),
                copies.stream().map(Neighbour::item).toList());

        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queries.add(v[i * 97 + 1]);
        }
        assertTrue(SimilarItems.tieAwareRecall(exact, hnsw, queries, 10) >= 0.99);
        assertTrue(SimilarItems.recall(exact, hnsw, queries, 10) >= 0.99);
        // with 30 neighbours asked, the 25 copies and then the next distinct embedding's copies
        List<Neighbour> more = hnsw.nearest(distinct[3], 30);
        assertEquals(30, more.size());
        assertEquals(exact.nearest(distinct[3], 30).stream().map(Neighbour::item).toList(),
                more.stream().map(Neighbour::item).toList());
    }

    @Test
    void tieAwareRecallCountsAnyTiedItemButNotAFartherOne() {
        float[][] v = {
            {1, 0}, {1, 0}, {1, 0}, {1, 0}, // 0-3 tie at similarity 1 to the query (1, 0)
            {1, 1},                        // 4: 0.707
            {0, 1},                        // 5: 0
        };
        ExactIndex exact = new ExactIndex(v);
        List<float[]> queries = List.of(new float[] {1, 0});
        assertEquals(List.of(0, 1), exact.nearest(queries.get(0), 2).stream().map(Neighbour::item).toList());
        SimilarityIndex otherTies = answering(List.of(new Neighbour(3, 1f), new Neighbour(2, 1f)));
        assertEquals(0.0, SimilarItems.recall(exact, otherTies, queries, 2), 1e-12);
        assertEquals(1.0, SimilarItems.tieAwareRecall(exact, otherTies, queries, 2), 1e-12);
        SimilarityIndex oneFarther = answering(List.of(new Neighbour(3, 1f), new Neighbour(4, 0.7f)));
        assertEquals(0.5, SimilarItems.tieAwareRecall(exact, oneFarther, queries, 2), 1e-12);
        // an index that repeats one item does not count it twice
        SimilarityIndex repeated = answering(List.of(new Neighbour(3, 1f), new Neighbour(3, 1f)));
        assertEquals(0.5, SimilarItems.tieAwareRecall(exact, repeated, queries, 2), 1e-12);
    }

    private static SimilarityIndex answering(List<Neighbour> answer) {
        return new SimilarityIndex() {
            @Override
            public int size() {
                return 6;
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public List<Neighbour> nearest(float[] query, int k) {
                return answer;
            }

            @Override
            public boolean exact() {
                return false;
            }
        };
    }

    private static double cos(float[] a, float[] b) {
        return Vectors.dot(Vectors.unit(a), Vectors.unit(b));
    }
}
