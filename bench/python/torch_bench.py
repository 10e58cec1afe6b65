"""PyTorch CPU counterparts of the tfjs workloads in ../src/workloads, for side-by-side ratios.

Usage: /usr/bin/python3 torch_bench.py '<json list of {"workload", "samples", "runs", "torch"?}>'
("torch": keyword arguments of the workload's builder; for "fashion", the layer list and the data
directory that ../src/workloads/fashion.ts derives from the built tfjs model).
Prints one JSON object per line, in the same format as ../src/worker.ts.
Runs on one thread: tfjs's wasm backend in Node is single-threaded too. The thread variables are
set here, before torch (and its BLAS) loads, as well as by ../src/main.ts: Debian's OpenBLAS
sizes its pool from OPENBLAS_NUM_THREADS when it loads and ignores torch.set_num_threads.
"""
import gzip
import json
import math
import os
import statistics
import struct
import sys
import time

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import numpy as np  # noqa: E402  (after the thread variables)
import torch  # noqa: E402
import torch.nn as nn

torch.set_num_threads(1)
torch.manual_seed(0)


def matmul(_samples):
    a = torch.randn(1024, 1024)
    b = torch.randn(1024, 1024)

    def run():
        a @ b
        return None

    return "matmul 1024", 0, 2 * 1024**3, run


def fit_epoch(model, x, y, loss_fn, batch=64, optimizer=None):
    optimizer = optimizer or torch.optim.Adam(model.parameters(), lr=1e-3)

    def run():
        total, count = 0.0, 0
        for start in range(0, x.shape[0], batch):
            xb, yb = x[start:start + batch], y[start:start + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item()
            count += 1
        return total / count

    return run


def cnn(samples):
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 5 * 5, 10),
    )
    x = torch.rand(samples, 1, 28, 28)
    y = (x.mean(dim=(1, 2, 3)) * 20).floor().clamp(0, 9).long()
    return f"epoch ({samples} images)", samples, 0, fit_epoch(model, x, y, nn.CrossEntropyLoss())


def read_idx(path):
    """An IDX file (gzipped or not) as a numpy array: big-endian header, then the values."""
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as file:
        data = file.read()
    zero, type_code, ndims = struct.unpack(">HBB", data[:4])
    if zero != 0 or type_code != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    shape = struct.unpack(f">{ndims}I", data[4:4 + 4 * ndims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndims).reshape(shape)


def idx_path(directory, base):
    for name in (base + ".gz", base):
        if os.path.exists(os.path.join(directory, name)):
            return os.path.join(directory, name)
    raise FileNotFoundError(f"{directory}: no {base}(.gz)")


def nchw(shape):
    """tfjs's channels-last [h, w, c] as PyTorch's [c, h, w]; other shapes as they are."""
    return [shape[2], shape[0], shape[1]] if len(shape) == 3 else list(shape)


def activation_module(name, last):
    if name == "linear" or (name == "softmax" and last):
        return None  # the last softmax is in nn.CrossEntropyLoss, which takes logits
    if name == "relu":
        return nn.ReLU()
    raise ValueError(f"no twin for activation {name!r}")


def init_kernel(weight, initializer):
    """tfjs's variance scaling (He, Glorot): 'normal' is a normal truncated at 2 sigma there."""
    if initializer.get("scale") is None:
        return  # another initializer: PyTorch's default (initialization does not change the timing)
    fan_in = weight[0].numel()
    fan_out = weight.shape[0] * weight[0, 0].numel()
    fan = {"fanIn": fan_in, "fanOut": fan_out, "fanAvg": (fan_in + fan_out) / 2}[initializer["mode"]]
    if initializer["distribution"] == "uniform":
        limit = math.sqrt(3 * initializer["scale"] / fan)
        nn.init.uniform_(weight, -limit, limit)
    else:
        std = math.sqrt(initializer["scale"] / fan)
        nn.init.trunc_normal_(weight, 0, std, -2 * std, 2 * std)


def sequential_from(network):
    """The nn.Sequential of the layer list that ../src/workloads/fashion.ts reads off the tfjs model."""
    modules, specs = [], network["layers"]
    for index, spec in enumerate(specs):
        last = index == len(specs) - 1
        kind, added = spec["type"], []
        if kind == "conv2d":
            if spec["padding"] == "same" and spec["strides"] != [1, 1]:
                raise ValueError(f"{spec['name']}: PyTorch's 'same' padding needs stride 1")
            conv = nn.Conv2d(spec["inputShape"][2], spec["filters"], spec["kernelSize"], stride=spec["strides"],
                             padding=spec["padding"], dilation=spec["dilation"], bias=spec["useBias"])
            init_kernel(conv.weight, spec["initializer"])
            if conv.bias is not None:
                nn.init.zeros_(conv.bias)
            added = [conv, activation_module(spec["activation"], last)]
        elif kind == "batchNorm":
            # tfjs (Keras) keeps `momentum` of the old running value; PyTorch takes `momentum` of the new.
            added = [nn.BatchNorm2d(spec["inputShape"][2], eps=spec["epsilon"], momentum=round(1 - spec["momentum"], 12))]
        elif kind == "activation":
            added = [activation_module(spec["activation"], last)]
        elif kind == "maxPool":
            if spec["padding"] != "valid":
                raise ValueError(f"{spec['name']}: PyTorch's max pooling has no 'same' padding")
            added = [nn.MaxPool2d(spec["poolSize"], stride=spec["strides"])]
        elif kind == "dropout":
            added = [nn.Dropout(spec["rate"])]
        elif kind == "flatten":
            added = [nn.Flatten()]
        elif kind == "dense":
            linear = nn.Linear(spec["inputShape"][0], spec["units"], bias=spec["useBias"])
            init_kernel(linear.weight, spec["initializer"])
            if linear.bias is not None:
                nn.init.zeros_(linear.bias)
            added = [linear, activation_module(spec["activation"], last)]
        else:
            raise ValueError(f"no twin for layer type {kind!r}")
        modules.extend(module for module in added if module is not None)
        # Each layer's output shape must be what tfjs built (checks 'same' padding, pooling, flatten sizes).
        with torch.no_grad():
            probe = nn.Sequential(*modules).eval()(torch.zeros(1, *nchw(network["inputShape"])))
        if list(probe.shape[1:]) != nchw(spec["outputShape"]):
            raise ValueError(f"{spec['name']}: PyTorch gives {list(probe.shape[1:])}, tfjs {nchw(spec['outputShape'])}")
    if network["loss"] != "sparseCategoricalCrossentropy" or specs[-1].get("activation") != "softmax":
        raise ValueError("the twin expects a softmax head trained with sparse categorical cross-entropy")
    model = nn.Sequential(*modules).train()
    params = sum(parameter.numel() for parameter in model.parameters())
    if params != network["trainableParams"]:
        raise ValueError(f"the twin has {params} trainable parameters, the tfjs model {network['trainableParams']}")
    return model


def fashion(samples, network, dataDir, split="train"):
    prefix = {"train": "train", "test": "t10k"}[split]
    images = read_idx(idx_path(dataDir, f"{prefix}-images-idx3-ubyte"))[:samples]
    labels = read_idx(idx_path(dataDir, f"{prefix}-labels-idx1-ubyte"))[:samples]
    if images.shape[0] < samples:
        raise ValueError(f"{dataDir} holds {images.shape[0]} {split} images, fewer than {samples}")
    # value / 255 in float64, then float32: the same numbers as @dl/data's normalize: true.
    x = torch.from_numpy((images.astype(np.float64) / 255).astype(np.float32)).reshape(samples, 1, 28, 28)
    y = torch.from_numpy(labels.astype(np.int64))
    model = sequential_from(network)
    adam = network["optimizer"]
    optimizer = torch.optim.Adam(model.parameters(), lr=adam["learningRate"], betas=(adam["beta1"], adam["beta2"]),
                                 eps=adam["epsilon"])
    flops = 3 * network["forwardFlopsPerImage"] * samples
    unit = f"epoch ({samples} images, {network['forwardFlopsPerImage'] / 1e6:.1f} MFLOP/image forward)"
    return unit, samples, flops, fit_epoch(model, x, y, nn.CrossEntropyLoss(), optimizer=optimizer)


class RecurrentClassifier(nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.embedding = nn.Embedding(1000, 32)
        self.rnn = {"lstm": nn.LSTM, "gru": nn.GRU, "simpleRNN": nn.RNN}[cell](32, 32, batch_first=True)
        self.head = nn.Linear(32, 1)

    def forward(self, tokens):
        output, _ = self.rnn(self.embedding(tokens))
        return self.head(output[:, -1])


def recurrent(cell):
    def build(samples):
        model = RecurrentClassifier(cell)
        x = torch.randint(1, 1000, (samples, 100))
        y = (x[:, -1:] < 500).float()
        return f"epoch ({samples} sequences x 100)", samples, 0, fit_epoch(model, x, y, nn.BCEWithLogitsLoss())

    return build


def attention(_samples, batch=32, length=128, dim=128, heads=4):
    mha = nn.MultiheadAttention(dim, heads, batch_first=True)
    x = torch.randn(batch, length, dim)
    optimizer = torch.optim.Adam(mha.parameters(), lr=1e-3)
    forward_flops = 4 * 2 * batch * length * dim * dim + 2 * 2 * batch * length * length * dim

    def run():
        optimizer.zero_grad()
        out, _ = mha(x, x, x, need_weights=False)
        loss = out.square().mean()
        loss.backward()
        optimizer.step()
        return loss.item()

    return f"step (B={batch}, L={length}, d={dim}, h={heads})", batch, 3 * forward_flops, run


WORKLOADS = {
    "matmul": matmul,
    "cnn": cnn,
    "fashion": fashion,
    "lstm": recurrent("lstm"),
    "gru": recurrent("gru"),
    "simpleRNN": recurrent("simpleRNN"),
    # The same PyTorch model is the baseline of tfjs-layers' rows and of @dl/recurrent's.
    "lstm-dl": recurrent("lstm"),
    "gru-dl": recurrent("gru"),
    "simpleRNN-dl": recurrent("simpleRNN"),
    "attention": attention,
}


def main():
    for job in json.loads(sys.argv[1]):
        unit, samples_per_unit, flops, run = WORKLOADS[job["workload"]](job["samples"], **job.get("torch", {}))
        start = time.perf_counter()
        first = run()
        warmup = time.perf_counter() - start
        seconds, last = [], first
        for _ in range(job["runs"]):
            start = time.perf_counter()
            last = run()
            seconds.append(time.perf_counter() - start)
        print(json.dumps({
            "workload": job["workload"], "samples": job["samples"], "runs": job["runs"], "backend": "torch", "unit": unit, "samplesPerUnit": samples_per_unit, "flopsPerUnit": flops,
            "warmupSeconds": warmup, "seconds": seconds, "median": statistics.median(seconds) if seconds else warmup,
            "firstLoss": first, "lastLoss": last, "leakedTensors": 0,
        }), flush=True)


if __name__ == "__main__":
    main()
