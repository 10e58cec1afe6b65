"""PyTorch CPU counterparts of the tfjs workloads in ../src/workloads, for side-by-side ratios.

Usage: /usr/bin/python3 torch_bench.py '<json list of {"workload", "samples", "runs"}>'
Prints one JSON object per line, in the same format as ../src/worker.ts.
Runs on one thread: tfjs's wasm backend in Node is single-threaded too.
"""
import json
import math
import statistics
import sys
import time

import torch
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


def fit_epoch(model, x, y, loss_fn, batch=64):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

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
        unit, samples_per_unit, flops, run = WORKLOADS[job["workload"]](job["samples"])
        start = time.perf_counter()
        first = run()
        warmup = time.perf_counter() - start
        seconds, last = [], first
        for _ in range(job["runs"]):
            start = time.perf_counter()
            last = run()
            seconds.append(time.perf_counter() - start)
        print(json.dumps({
            **job, "backend": "torch", "unit": unit, "samplesPerUnit": samples_per_unit, "flopsPerUnit": flops,
            "warmupSeconds": warmup, "seconds": seconds, "median": statistics.median(seconds) if seconds else warmup,
            "firstLoss": first, "lastLoss": last, "leakedTensors": 0,
        }), flush=True)


if __name__ == "__main__":
    main()
