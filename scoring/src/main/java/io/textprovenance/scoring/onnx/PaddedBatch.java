package io.textprovenance.scoring.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.List;

/**
 * A batch of windows right-padded to the longest one, as direct buffers ONNX Runtime reads without a
 * copy. With a causal model and right padding, padded positions never influence real ones.
 */
final class PaddedBatch {

    final int batchSize;
    final int length;
    final int[] lengths;
    private final LongBuffer ids;
    private final LongBuffer mask;
    private final LongBuffer positions;

    PaddedBatch(List<long[]> windows, long padId) {
        batchSize = windows.size();
        lengths = new int[batchSize];
        int longest = 0;
        for (int b = 0; b < batchSize; b++) {
            lengths[b] = windows.get(b).length;
            longest = Math.max(longest, lengths[b]);
        }
        length = longest;
        ids = directLongs(batchSize * length);
        mask = directLongs(batchSize * length);
        positions = directLongs(batchSize * length);
        for (int b = 0; b < batchSize; b++) {
            long[] window = windows.get(b);
            for (int t = 0; t < length; t++) {
                boolean real = t < window.length;
                ids.put(real ? window[t] : padId);
                mask.put(real ? 1 : 0);
                positions.put(t);
            }
        }
        ids.rewind();
        mask.rewind();
        positions.rewind();
    }

    OnnxTensor ids(OrtEnvironment env) throws OrtException {
        return OnnxTensor.createTensor(env, ids, shape());
    }

    OnnxTensor mask(OrtEnvironment env) throws OrtException {
        return OnnxTensor.createTensor(env, mask, shape());
    }

    OnnxTensor positions(OrtEnvironment env) throws OrtException {
        return OnnxTensor.createTensor(env, positions, shape());
    }

    long[] shape() {
        return new long[] {batchSize, length};
    }

    private static LongBuffer directLongs(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }
}
