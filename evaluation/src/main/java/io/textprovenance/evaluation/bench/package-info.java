/** The scorer benchmark: Java scorer against raw ONNX Runtime and PyTorch on the same batches. */
package io.textprovenance.evaluation.bench;
