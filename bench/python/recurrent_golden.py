"""Golden numbers for @dl/recurrent's tests: PyTorch's nn.LSTM and nn.GRU with seeded weights,
mapped to the Keras layout (kernel [in, G*u], recurrent_kernel [u, G*u], bias), computed in float64.

Run: /usr/bin/python3 bench/python/recurrent_golden.py
Writes: packages/recurrent/src/layers/fixtures/recurrent-golden.json
"""
import json
import pathlib

import torch

torch.manual_seed(7)
batch, time, features, units = 2, 5, 3, 4
x = torch.randn(batch, time, features, dtype=torch.float64)
h0 = torch.randn(1, batch, units, dtype=torch.float64) * 0.5
c0 = torch.randn(1, batch, units, dtype=torch.float64) * 0.5


def rows(t):
    return t.detach().tolist()


def blocks(weight, order):
    """PyTorch stacks gates along rows; return them in `order` (indices into PyTorch's order)."""
    chunks = weight.chunk(len(order), dim=0)
    return torch.cat([chunks[i] for i in order], dim=0)


cases = {}

lstm = torch.nn.LSTM(features, units, batch_first=True).double()
with torch.no_grad():
    for p in lstm.parameters():
        p.uniform_(-0.6, 0.6)
out, (h, c) = lstm(x, (h0, c0))
# PyTorch's gate order (i, f, g, o) is Keras's (i, f, c, o).
cases["lstm"] = {
    "kernel": rows(lstm.weight_ih_l0.T),
    "recurrentKernel": rows(lstm.weight_hh_l0.T),
    "bias": rows(lstm.bias_ih_l0 + lstm.bias_hh_l0),
    "sequence": rows(out),
    "h": rows(h[0]),
    "c": rows(c[0]),
}

gru = torch.nn.GRU(features, units, batch_first=True).double()
with torch.no_grad():
    for p in gru.parameters():
        p.uniform_(-0.6, 0.6)
out, h = gru(x, h0)
# PyTorch's gate order is (r, z, n); Keras's is (z, r, h).
keras_order = [1, 0, 2]
cases["gru"] = {
    "kernel": rows(blocks(gru.weight_ih_l0, keras_order).T),
    "recurrentKernel": rows(blocks(gru.weight_hh_l0, keras_order).T),
    "bias": [rows(blocks(gru.bias_ih_l0, keras_order)), rows(blocks(gru.bias_hh_l0, keras_order))],
    "sequence": rows(out),
    "h": rows(h[0]),
}

fixture = {
    "generator": "bench/python/recurrent_golden.py",
    "torch": torch.__version__,
    "x": rows(x),
    "h0": rows(h0[0]),
    "c0": rows(c0[0]),
    "units": units,
    **cases,
}
path = pathlib.Path(__file__).resolve().parents[2] / "packages/recurrent/src/layers/fixtures/recurrent-golden.json"
path.write_text(json.dumps(fixture, indent=1) + "\n")
print(f"wrote {path} ({path.stat().st_size} bytes)")
