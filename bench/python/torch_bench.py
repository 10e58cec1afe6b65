"""PyTorch CPU counterparts of the tfjs workloads in ../src/workloads, for side-by-side ratios.

Usage: /usr/bin/python3 torch_bench.py '<json list of {"workload", "samples", "runs", "torch"?}>'
("torch": keyword arguments of the workload's builder; for "fashion", the layer list and the data
directory that ../src/workloads/fashion.ts derives from the built tfjs model; for "vae", the
arguments of vae_fashion.Vae read off @dl/generative's VAE by ../src/workloads/vae.ts; for "dcgan",
the layer lists of the generator and discriminator read off by ../src/workloads/dcgan.ts).
Prints one JSON object per line, in the same format as ../src/worker.ts.
Runs on one thread (the baseline for tfjs's wasm backend on one thread), or on DL_TORCH_THREADS
threads (the `--threads` rows of ../src/main.ts). The thread variables are set here, before torch
(and its BLAS) loads: Debian's OpenBLAS sizes its pool from OPENBLAS_NUM_THREADS when it loads and
ignores torch.set_num_threads.
"""
import gzip
import json
import math
import os
import statistics
import struct
import sys
import time

THREADS = int(os.environ.get("DL_TORCH_THREADS", "1"))
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = str(THREADS)

import numpy as np  # noqa: E402  (after the thread variables)
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.dont_write_bytecode = True  # no __pycache__ in the repository for the import below
import vae_fashion  # noqa: E402  (this directory: the VAE twin its author checked layer for layer)

torch.set_num_threads(THREADS)
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


def cnn(samples, batch=64):
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 5 * 5, 10),
    )
    x = torch.rand(samples, 1, 28, 28)
    y = (x.mean(dim=(1, 2, 3)) * 20).floor().clamp(0, 9).long()
    unit = f"epoch ({samples} images)" if batch == 64 else f"epoch ({samples} images, batch {batch})"
    return unit, samples, 0, fit_epoch(model, x, y, nn.CrossEntropyLoss(), batch=batch)


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


def fixture_images(directory, split, samples):
    """The first `samples` images ([n, 1, 28, 28] in [0, 1]) and labels of a Fashion-MNIST split:
    value / 255 in float64, then float32, the same numbers as @dl/data's normalize: true."""
    prefix = {"train": "train", "test": "t10k"}[split]
    images = read_idx(idx_path(directory, f"{prefix}-images-idx3-ubyte"))[:samples]
    labels = read_idx(idx_path(directory, f"{prefix}-labels-idx1-ubyte"))[:samples]
    if images.shape[0] < samples:
        raise ValueError(f"{directory} holds {images.shape[0]} {split} images, fewer than {samples}")
    x = torch.from_numpy((images.astype(np.float64) / 255).astype(np.float32)).reshape(samples, 1, 28, 28)
    return x, torch.from_numpy(labels.astype(np.int64))


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
    x, y = fixture_images(dataDir, split, samples)
    model = sequential_from(network)
    adam = network["optimizer"]
    optimizer = torch.optim.Adam(model.parameters(), lr=adam["learningRate"], betas=(adam["beta1"], adam["beta2"]),
                                 eps=adam["epsilon"])
    flops = 3 * network["forwardFlopsPerImage"] * samples
    unit = f"epoch ({samples} images, {network['forwardFlopsPerImage'] / 1e6:.1f} MFLOP/image forward)"
    return unit, samples, flops, fit_epoch(model, x, y, nn.CrossEntropyLoss(), optimizer=optimizer)


def parameter_count(model):
    return sum(parameter.numel() for parameter in model.parameters() if parameter.requires_grad)


def vae(samples, network, dataDir, split="train"):
    """One epoch of vae_fashion.Vae (the twin of @dl/generative's createVae) with its train_step,
    batch 64, no shuffling, on the arguments ../src/workloads/vae.ts read off the tfjs VAE."""
    x, _ = fixture_images(dataDir, split, samples)
    height, width, channels = network["imageShape"]
    model = vae_fashion.Vae(network["latentDim"], (height, width, channels), tuple(network["encoderFilters"]),
                            tuple(network["decoderFilters"]), network["hiddenUnits"])
    if parameter_count(model) != network["trainableParams"]:
        raise ValueError(f"the VAE twin has {parameter_count(model)} trainable parameters, the tfjs VAE {network['trainableParams']}")
    with torch.no_grad():
        mean, log_var = model.encode(torch.zeros(1, channels, height, width))
        logits = model.decode_logits(mean)
    if [list(mean.shape), list(log_var.shape), list(logits.shape)] != [[1, network["latentDim"]]] * 2 + [[1, channels, height, width]]:
        raise ValueError(f"the VAE twin gives {list(mean.shape)}, {list(log_var.shape)} and {list(logits.shape)}")
    training = network["training"]
    optimizer = torch.optim.Adam(model.parameters(), lr=training["learningRate"], betas=(training["beta1"], training["beta2"]),
                                 eps=training["epsilon"])

    def run():
        model.train()
        total, count = 0.0, 0
        for start in range(0, samples, 64):
            loss, _, _ = vae_fashion.train_step(model, optimizer, x[start:start + 64], training["beta"])
            total += loss.item()
            count += 1
        return total / count

    forward = network["forwardFlopsPerImage"]
    return f"epoch ({samples} images, {forward / 1e6:.1f} MFLOP/image forward)", samples, 3 * forward * samples, run


def same_padding(size, out, kernel, stride):
    """TensorFlow's (tfjs's conv_util getPadAndOutInfo) 'same' padding of a convolution from `size`
    to `out = ceil(size / stride)`: the total max((out - 1) * stride + kernel - size, 0), its
    floor half before and the rest (one more when odd) after."""
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


class Crop(nn.Module):
    """Keeps the first `height` rows and `width` columns: after a transposed convolution with
    padding `before`, the rows TensorFlow's 'same' cuts after (it cuts `before` rows first and the
    extra one of an odd total at the end: tfjs's Conv2DBackpropInput writes output row r from the
    full transposed convolution's row r + top)."""

    def __init__(self, height, width):
        super().__init__()
        self.height, self.width = height, width

    def forward(self, x):
        return x[:, :, :self.height, :self.width]


def chain_module(spec):
    """The PyTorch modules of one layer of ../src/workloads/dcgan.ts's layer list (channels first)."""
    kind, (in_shape, out_shape) = spec["type"], (spec["inputShape"], spec["outputShape"])
    if kind in ("dense", "conv2d", "conv2dTranspose"):
        (kh, kw), (sh, sw) = (spec.get("kernelSize", [1, 1]), spec.get("strides", [1, 1]))
        if kind == "dense":
            layer = nn.Linear(in_shape[0], spec["units"], bias=spec["useBias"])
            added = [layer]
        elif kind == "conv2d":
            pads = [same_padding(in_shape[0], out_shape[0], kh, sh), same_padding(in_shape[1], out_shape[1], kw, sw)] \
                if spec["padding"] == "same" else [(0, 0), (0, 0)]
            symmetric = pads[0][0] == pads[0][1] and pads[1][0] == pads[1][1]
            layer = nn.Conv2d(in_shape[2], spec["filters"], (kh, kw), stride=(sh, sw), bias=spec["useBias"],
                              padding=(pads[0][0], pads[1][0]) if symmetric else 0)
            # An odd total pads one more after: explicit zero padding before the convolution.
            added = [layer] if symmetric else [nn.ZeroPad2d((pads[1][0], pads[1][1], pads[0][0], pads[0][1])), layer]
        else:
            # The adjoint of a 'same' convolution from the output back to the input: PyTorch pads
            # (crops) `before` on both sides, Crop removes what TensorFlow puts after beyond it.
            pads = [same_padding(out_shape[0], in_shape[0], kh, sh), same_padding(out_shape[1], in_shape[1], kw, sw)] \
                if spec["padding"] == "same" else [(0, 0), (0, 0)]
            layer = nn.ConvTranspose2d(in_shape[2], spec["filters"], (kh, kw), stride=(sh, sw), bias=spec["useBias"],
                                       padding=(pads[0][0], pads[1][0]))
            added = [layer] if pads[0][1] == pads[0][0] and pads[1][1] == pads[1][0] else [layer, Crop(out_shape[0], out_shape[1])]
        initializer = spec["initializer"]
        if initializer["className"] == "RandomNormal":
            nn.init.normal_(layer.weight, initializer["mean"], initializer["stddev"])
        else:
            init_kernel(layer.weight, initializer)
        if layer.bias is not None:
            nn.init.zeros_(layer.bias)
        return added, spec["activation"]
    if kind == "batchNorm":
        # tfjs (Keras) keeps `momentum` of the old running value; PyTorch takes `momentum` of the new.
        norm = nn.BatchNorm1d if len(in_shape) == 1 else nn.BatchNorm2d
        return [norm(in_shape[-1], eps=spec["epsilon"], momentum=round(1 - spec["momentum"], 12))], "linear"
    if kind == "activation":
        if spec["activation"] == "leakyRelu":
            return [nn.LeakyReLU(spec["alpha"])], "linear"
        return [], spec["activation"]
    if kind == "reshape":
        # Channels last in tfjs, first here: a fixed permutation of the previous layer's units.
        return [nn.Unflatten(1, nchw(out_shape))], "linear"
    if kind == "flatten":
        # Flattens [c, h, w] instead of tfjs's [h, w, c]: a fixed permutation of the next dense layer's inputs.
        return [nn.Flatten()], "linear"
    if kind == "dropout":
        return [nn.Dropout(spec["rate"])], "linear"
    raise ValueError(f"no twin for layer type {kind!r}")


def chain_from(network, what):
    """The nn.Sequential of a layer list of ../src/workloads/dcgan.ts, checking every layer's output
    shape and the trainable parameter count against tfjs's."""
    modules = []
    for spec in network["layers"]:
        added, activation = chain_module(spec)
        modules.extend(added)
        if activation not in ("linear", "relu", "tanh"):
            raise ValueError(f"{what} {spec['name']}: no twin for activation {activation!r}")
        if activation != "linear":
            modules.append(nn.ReLU() if activation == "relu" else nn.Tanh())
        with torch.no_grad():
            probe = nn.Sequential(*modules).eval()(torch.zeros(1, *nchw(network["inputShape"])))
        if list(probe.shape[1:]) != nchw(spec["outputShape"]):
            raise ValueError(f"{what} {spec['name']}: PyTorch gives {list(probe.shape[1:])}, tfjs {nchw(spec['outputShape'])}")
    model = nn.Sequential(*modules).train()
    if parameter_count(model) != network["trainableParams"]:
        raise ValueError(f"the {what} twin has {parameter_count(model)} trainable parameters, the tfjs {what} {network['trainableParams']}")
    return model


def dcgan(samples, network, dataDir, split="train"):
    """One epoch of the DCGAN twin, the alternating scheme of @dl/generative's ganTrainStep: per
    batch of B real images, a discriminator step on B real and B generated images (G with batch
    statistics, its running statistics put back, as keepingStatistics; one-sided label smoothing),
    then a generator step with fresh noise through the frozen discriminator (dropout on; the
    non-saturating loss). Batch 64, no shuffling; images in [-1, 1]."""
    x = fixture_images(dataDir, split, samples)[0] * 2 - 1
    generator = chain_from(network["generator"], "generator")
    discriminator = chain_from(network["discriminator"], "discriminator")
    training, latent = network["training"], network["latentDim"]

    def adam(model):
        return torch.optim.Adam(model.parameters(), lr=training["learningRate"], betas=(training["beta1"], training["beta2"]),
                                eps=training["epsilon"])

    g_optimizer, d_optimizer, real_target = adam(generator), adam(discriminator), 1 - training["labelSmoothing"]

    def run():
        generator.train()
        discriminator.train()
        total, count = 0.0, 0
        for start in range(0, samples, 64):
            real = x[start:start + 64]
            batch = real.shape[0]
            saved = [buffer.clone() for buffer in generator.buffers()]
            with torch.no_grad():
                fake = generator(torch.randn(batch, latent))
            for buffer, value in zip(generator.buffers(), saved):
                buffer.copy_(value)
            logits = discriminator(torch.cat([real, fake]))
            real_logits, fake_logits = logits[:batch], logits[batch:]
            d_loss = (F.binary_cross_entropy_with_logits(real_logits, torch.full_like(real_logits, real_target))
                      + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))
            d_real, d_fake = torch.sigmoid(real_logits).mean().detach(), torch.sigmoid(fake_logits).mean().detach()
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()
            discriminator.requires_grad_(False)
            fake_logits = discriminator(generator(torch.randn(batch, latent)))
            g_loss = F.binary_cross_entropy_with_logits(fake_logits, torch.ones_like(fake_logits))
            g_optimizer.zero_grad()
            g_loss.backward()
            g_optimizer.step()
            discriminator.requires_grad_(True)
            # Every log read back per batch, as @dl/core's trainLoop does (dLoss is the row's loss).
            logs = {"dLoss": d_loss.item(), "gLoss": g_loss.item(), "dReal": d_real.item(), "dFake": d_fake.item()}
            total += logs["dLoss"]
            count += 1
        return total / count

    g_flops, d_flops = network["generator"]["forwardFlopsPerImage"], network["discriminator"]["forwardFlopsPerImage"]
    unit = f"epoch ({samples} images, G {g_flops / 1e6:.1f} + D {d_flops / 1e6:.1f} MFLOP/image forward)"
    return unit, samples, network["trainFlopsPerImage"] * samples, run


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
    "cnn-b256": lambda samples: cnn(samples, batch=256),
    "fashion": fashion,
    "lstm": recurrent("lstm"),
    "gru": recurrent("gru"),
    "simpleRNN": recurrent("simpleRNN"),
    # The same PyTorch model is the baseline of tfjs-layers' rows and of @dl/recurrent's.
    "lstm-dl": recurrent("lstm"),
    "gru-dl": recurrent("gru"),
    "simpleRNN-dl": recurrent("simpleRNN"),
    "attention": attention,
    "vae": vae,
    "dcgan": dcgan,
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
            "workload": job["workload"], "samples": job["samples"], "runs": job["runs"], "backend": job.get("backend", "torch"), "unit": unit, "samplesPerUnit": samples_per_unit, "flopsPerUnit": flops,
            "warmupSeconds": warmup, "seconds": seconds, "median": statistics.median(seconds) if seconds else warmup,
            "firstLoss": first, "lastLoss": last, "leakedTensors": 0,
        }), flush=True)


if __name__ == "__main__":
    main()
