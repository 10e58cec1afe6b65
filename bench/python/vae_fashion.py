"""PyTorch counterpart of @dl/generative's createVae on Fashion-MNIST: the same architecture,
initialisation, loss, optimiser and budget, for the test negative ELBO to compare with
examples/src/generative/vae-fashion.ts.

Usage: /usr/bin/python3 vae_fashion.py --latent-dim 2 --epochs 10 [--limit N]
Prints one JSON object on stdout: the test -ELBO per image (nats) and its two parts, the per-epoch
history and the wall time. Runs on one thread (tfjs's wasm backend in Node is single-threaded):
the thread variables are set before torch (and Debian's OpenBLAS, which ignores
torch.set_num_threads) loads.

Architecture (createVae's defaults; tfjs's 'same' padding reproduced exactly):
- encoder: per filter count (32, 64) a 4x4 stride-2 conv with padding 1 (= 'same' on even sizes)
  and ReLU; flatten; dense 128 + ReLU; dense heads for mean and log-variance (latent-dim each);
- decoder: dense 128 + ReLU; dense to 7*7*64 + ReLU; reshape; per filter count (64, 32) a 4x4
  stride-2 transposed conv with padding 1 (= 'same') and ReLU; a 4x4 stride-1 transposed conv to
  one channel with padding 1, cropped to the first 28 rows and columns (tfjs's 'same' for an even
  kernel pads 1 before and 2 after), giving the logits; sigmoid for the images.
- weights Glorot-uniform, biases zero (tfjs's defaults); Adam(lr 1e-3, eps 1e-7 as tfjs);
- loss per image: binary cross-entropy summed over pixels (from the logits) + beta * KL, with
  KL = -0.5 * sum(1 + logVar - mean^2 - exp(logVar)); averaged over the batch.
torch_bench.py imports Vae and train_step for its `vae` row (one epoch, timed): keep them importable.
Evaluation: on the whole test set, z = mean + exp(logVar / 2) * eps with one fixed-seed eps per
image; reports the means per image of BCE, KL and their sum (the negative ELBO, beta = 1).
"""
import argparse
import gzip
import json
import os
import struct
import sys
import time

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import numpy as np  # noqa: E402  (after the thread variables)
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)

DATA_DIR = "/usr/share/datasets/fashion-mnist/"


def read_idx(path):
    with gzip.open(path, "rb") as handle:
        data = handle.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(split, limit=None):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(DATA_DIR, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(DATA_DIR, f"{prefix}-labels-idx1-ubyte.gz"))
    if limit is not None:
        images, labels = images[:limit], labels[:limit]
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)  # [n, 1, 28, 28]
    return x, torch.from_numpy(labels.astype(np.int64))


class Vae(nn.Module):
    def __init__(self, latent_dim, image_shape=(28, 28, 1), encoder_filters=(32, 64), decoder_filters=None, hidden_units=128):
        super().__init__()
        height, width, channels = image_shape
        decoder_filters = decoder_filters or tuple(reversed(encoder_filters))
        stages = len(encoder_filters)
        self.image_size = (height, width)
        self.base = (encoder_filters[-1], height // 2**stages, width // 2**stages)
        layers, previous = [], channels
        for filters in encoder_filters:
            layers += [nn.Conv2d(previous, filters, 4, stride=2, padding=1), nn.ReLU()]
            previous = filters
        flat = self.base[0] * self.base[1] * self.base[2]
        layers += [nn.Flatten(), nn.Linear(flat, hidden_units), nn.ReLU()]
        self.encoder = nn.Sequential(*layers)
        self.mean = nn.Linear(hidden_units, latent_dim)
        self.log_var = nn.Linear(hidden_units, latent_dim)
        self.projection = nn.Sequential(nn.Linear(latent_dim, hidden_units), nn.ReLU(), nn.Linear(hidden_units, flat), nn.ReLU())
        layers, previous = [], self.base[0]
        for filters in decoder_filters:
            layers += [nn.ConvTranspose2d(previous, filters, 4, stride=2, padding=1), nn.ReLU()]
            previous = filters
        layers += [nn.ConvTranspose2d(previous, channels, 4, stride=1, padding=1)]
        self.upsampling = nn.Sequential(*layers)
        for module in self.modules():
            if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)

    def encode(self, x):
        h = self.encoder(x)
        return self.mean(h), self.log_var(h)

    def decode_logits(self, z):
        h = self.projection(z).view(-1, *self.base)
        return self.upsampling(h)[:, :, : self.image_size[0], : self.image_size[1]]


def loss_terms(model, x, eps):
    mean, log_var = model.encode(x)
    z = mean + torch.exp(0.5 * log_var) * eps
    logits = model.decode_logits(z)
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    kl = -0.5 * torch.sum(1 + log_var - mean.pow(2) - log_var.exp(), dim=1)
    return reconstruction, kl


def train_step(model, optimizer, xb, beta=1.0):
    """One Adam step on the batch xb (one eps ~ N(0, I) per image, from torch's global generator):
    the loss is the batch mean of BCE + beta * KL. Returns the batch means (loss, reconstruction,
    kl) as tensors (detached). Also the step of torch_bench.py's `vae` row."""
    reconstruction, kl = loss_terms(model, xb, torch.randn(xb.shape[0], model.mean.out_features))
    loss = reconstruction.mean() + beta * kl.mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.detach(), reconstruction.mean().detach(), kl.mean().detach()


@torch.no_grad()
def evaluate(model, x, latent_dim, seed=0, batch=256):
    model.eval()
    generator = torch.Generator().manual_seed(seed)
    eps = torch.randn(x.shape[0], latent_dim, generator=generator)
    totals = [0.0, 0.0]
    for start in range(0, x.shape[0], batch):
        reconstruction, kl = loss_terms(model, x[start:start + batch], eps[start:start + batch])
        totals[0] += reconstruction.double().sum().item()
        totals[1] += kl.double().sum().item()
    n = x.shape[0]
    return {"negativeElbo": (totals[0] + totals[1]) / n, "reconstruction": totals[0] / n, "kl": totals[1] / n}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--latent-dim", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--limit", type=int, default=None, help="training images (the first N); default all 60,000")
    parser.add_argument("--test-limit", type=int, default=None, help="test images (the first N); default all 10,000")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--beta", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    train_x, _ = load("train", args.limit)
    test_x, _ = load("test", args.test_limit)
    model = Vae(args.latent_dim)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate, eps=1e-7)
    history = []
    started = time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        epoch_start = time.perf_counter()
        order = torch.randperm(train_x.shape[0])
        sums, batches = [0.0, 0.0, 0.0], 0
        for start in range(0, train_x.shape[0], args.batch_size):
            xb = train_x[order[start:start + args.batch_size]]
            loss, reconstruction, kl = train_step(model, optimizer, xb, args.beta)
            sums = [sums[0] + loss.item(), sums[1] + reconstruction.item(), sums[2] + kl.item()]
            batches += 1
        entry = {"epoch": epoch + 1, "loss": sums[0] / batches, "reconstruction": sums[1] / batches, "kl": sums[2] / batches, "seconds": time.perf_counter() - epoch_start}
        history.append(entry)
        print(f"epoch {entry['epoch']}: loss {entry['loss']:.2f} (reconstruction {entry['reconstruction']:.2f}, kl {entry['kl']:.2f}), {entry['seconds']:.1f} s", file=sys.stderr)
    seconds = time.perf_counter() - started
    test = evaluate(model, test_x, args.latent_dim)
    print(json.dumps({
        "framework": f"pytorch {torch.__version__} (cpu, 1 thread)",
        "latentDim": args.latent_dim,
        "epochs": args.epochs,
        "batchSize": args.batch_size,
        "learningRate": args.learning_rate,
        "beta": args.beta,
        "trainImages": int(train_x.shape[0]),
        "parameters": sum(p.numel() for p in model.parameters()),
        "seconds": seconds,
        "test": {"images": int(test_x.shape[0]), **test},
        "history": history,
    }, indent=2))


if __name__ == "__main__":
    main()
