package io.textprovenance.scoring.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.textprovenance.scoring.ExecutionDevice;
import io.textprovenance.scoring.ScorerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds session options for the requested device, falling back from CUDA to CPU when allowed. */
final class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private Sessions() {
    }

    /** Session options and the device they put the model on ("cpu" or "cuda"). */
    record Configured(OrtSession.SessionOptions options, String device) {
    }

    /** The options for {@code settings}; the caller owns them. */
    static Configured options(ScorerSettings settings) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(settings.effectiveIntraOpThreads());
            options.setInterOpNumThreads(1);
            boolean cuda = settings.device() != ExecutionDevice.CPU && addCuda(options, settings.device());
            return new Configured(options, cuda ? "cuda" : "cpu");
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    static boolean cudaAvailable() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }

    private static boolean addCuda(OrtSession.SessionOptions options, ExecutionDevice device) throws OrtException {
        if (!cudaAvailable()) {
            if (device == ExecutionDevice.CUDA) {
                throw new IllegalStateException("CUDA was required but this ONNX Runtime build has no CUDA execution"
                        + " provider: build with -Pgpu");
            }
            log.info("CUDA execution provider not in this ONNX Runtime build; scoring on CPU");
            return false;
        }
        try {
            options.addCUDA(0);
            log.info("scoring on CUDA device 0");
            return true;
        } catch (OrtException e) {
            if (device == ExecutionDevice.CUDA) {
                throw e;
            }
            log.warn("CUDA execution provider failed to start ({}); falling back to CPU", e.getMessage());
            return false;
        }
    }
}
