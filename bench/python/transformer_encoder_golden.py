"""Golden numbers for @dl/softmax-attention's TransformerEncoder, from PyTorch.

Usage (from the repository root; needs PyTorch >= 1.12, e.g. apt `python3-torch`):
    /usr/bin/python3 bench/python/transformer_encoder_golden.py

Writes packages/softmax-attention/src/layers/fixtures/transformer-encoder-golden.json:
- one set of seeded random weights of `nn.TransformerEncoderLayer(d_model=8, nhead=2,
  dim_feedforward=16, dropout=0, batch_first=True)`, every parameter (biases and LayerNorm
  gamma/beta included) drawn non-trivially, written in keras_hub's TransformerEncoder
  layout, names and order (see `keras_weights`);
- inputs [2, 5, 8] and a padding mask (batch 1 has two padded positions);
- for post-LN and pre-LN with exact GELU, relu and tanh-GELU: PyTorch's outputs without a
  mask and with `src_key_padding_mask`, computed in float64 from the float32 weights;
- the padded rows under our (and Keras's implicit-mask) rule, where a padded query attends to
  nothing, built from the same PyTorch modules (see `padded_rows`);
- float64 erf, exact GELU and tanh GELU on a grid (torch.erf, F.gelu).
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH, SEQ, DIM, HEADS, FF = 2, 5, 8, 2, 16
HEAD_DIM = DIM // HEADS
EPS = 1e-5
LENGTHS = [5, 3]  # real tokens per sequence; the rest is padding
OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "packages", "softmax-attention", "src", "layers", "fixtures", "transformer-encoder-golden.json",
)

ACTIVATIONS = {
    "gelu": "gelu",  # F.gelu, exact
    "relu": "relu",
    "gelu_approximate": lambda t: F.gelu(t, approximate="tanh"),
}
CASES = [(False, "gelu"), (True, "gelu"), (False, "relu"), (True, "gelu_approximate")]


def make_layer(norm_first, activation):
    return nn.TransformerEncoderLayer(
        d_model=DIM, nhead=HEADS, dim_feedforward=FF, dropout=0.0, activation=ACTIVATIONS[activation],
        layer_norm_eps=EPS, batch_first=True, norm_first=norm_first,
    )


def keras_weights(layer):
    """PyTorch parameters -> keras_hub TransformerEncoder weights, in keras_hub's order.

    PyTorch computes q = x @ Wq.T + bq with in_proj_weight = [Wq; Wk; Wv] ([3E, E]) and head h
    owning features h*K..h*K+K-1; Keras's EinsumDense kernel is [E, heads, K] (q[h,k] =
    sum_d x[d] kernel[d,h,k]), so kernel = Wq.T.reshape(E, heads, K). The output projection
    out = concat @ Wo.T + bo becomes kernel [heads, K, E] = Wo.T.reshape(heads, K, E).
    nn.Linear's weight [out, in] becomes a Dense kernel [in, out] = weight.T.
    norm1 is the attention LayerNorm, norm2 the feed-forward one (in both pre- and post-LN).
    """
    attn = layer.self_attn
    w_q, w_k, w_v = attn.in_proj_weight.detach().chunk(3, dim=0)
    b_q, b_k, b_v = attn.in_proj_bias.detach().chunk(3, dim=0)
    out_w = attn.out_proj.weight.detach()
    out_b = attn.out_proj.bias.detach()
    pairs = [
        ("self_attention_layer/query/kernel", w_q.T.reshape(DIM, HEADS, HEAD_DIM)),
        ("self_attention_layer/query/bias", b_q.reshape(HEADS, HEAD_DIM)),
        ("self_attention_layer/key/kernel", w_k.T.reshape(DIM, HEADS, HEAD_DIM)),
        ("self_attention_layer/key/bias", b_k.reshape(HEADS, HEAD_DIM)),
        ("self_attention_layer/value/kernel", w_v.T.reshape(DIM, HEADS, HEAD_DIM)),
        ("self_attention_layer/value/bias", b_v.reshape(HEADS, HEAD_DIM)),
        ("self_attention_layer/attention_output/kernel", out_w.T.reshape(HEADS, HEAD_DIM, DIM)),
        ("self_attention_layer/attention_output/bias", out_b),
        ("self_attention_layer_norm/gamma", layer.norm1.weight.detach()),
        ("self_attention_layer_norm/beta", layer.norm1.bias.detach()),
        ("feedforward_layer_norm/gamma", layer.norm2.weight.detach()),
        ("feedforward_layer_norm/beta", layer.norm2.bias.detach()),
        ("feedforward_intermediate_dense/kernel", layer.linear1.weight.detach().T),
        ("feedforward_intermediate_dense/bias", layer.linear1.bias.detach()),
        ("feedforward_output_dense/kernel", layer.linear2.weight.detach().T),
        ("feedforward_output_dense/bias", layer.linear2.bias.detach()),
    ]
    return [{"name": name, "shape": list(t.shape), "values": floats(t, 9)} for name, t in pairs]


def padded_rows(layer, x, norm_first):
    """Outputs at padded positions when a padded query attends to no key (our rule and that of
    Keras's implicit-mask path): the attention sublayer then outputs its projection's bias."""
    attention = layer.self_attn.out_proj.bias
    ff = lambda t: layer.linear2(layer.activation(layer.linear1(t)))
    if norm_first:
        h = x + attention
        return h + ff(layer.norm2(h))
    h = layer.norm1(x + attention)
    return layer.norm2(h + ff(h))


def floats(t, digits):
    return [float(f"{v:.{digits}g}") for v in t.reshape(-1).tolist()]


def main():
    torch.manual_seed(20240611)
    base = make_layer(False, "gelu")
    with torch.no_grad():
        for name, p in base.named_parameters():
            if name.startswith("norm"):
                p.copy_((1.0 if name.endswith("weight") else 0.0) + 0.4 * (torch.rand_like(p) * 2 - 1))
            else:
                p.copy_(0.6 * (torch.rand_like(p) * 2 - 1))
    state = base.state_dict()
    x32 = torch.randn(BATCH, SEQ, DIM)
    x = x32.double()
    padding = torch.tensor([[i >= n for i in range(SEQ)] for n in LENGTHS])  # True = padded (PyTorch)

    cases = []
    for norm_first, activation in CASES:
        layer = make_layer(norm_first, activation)
        layer.load_state_dict(state)
        layer = layer.double().train()  # dropout is 0; train() keeps PyTorch off its fused fast path
        with torch.no_grad():
            unmasked = layer(x)
            masked = layer(x, src_key_padding_mask=padding)
            padded = {
                f"{b},{i}": floats(padded_rows(layer, x[b, i], norm_first), 12)
                for b, n in enumerate(LENGTHS) for i in range(n, SEQ)
            }
        cases.append({
            "normFirst": norm_first,
            "activation": activation,
            "torchUnmasked": floats(unmasked, 12),
            "torchMasked": floats(masked, 12),
            "paddedRowsAttendingToNothing": padded,
        })

    grid = torch.linspace(-6, 6, 49, dtype=torch.float64)
    fixture = {
        "generator": "bench/python/transformer_encoder_golden.py",
        "torchVersion": torch.__version__,
        "config": {"batch": BATCH, "sequence": SEQ, "dim": DIM, "numHeads": HEADS, "intermediateDim": FF, "layerNormEpsilon": EPS},
        "inputs": floats(x32, 9),
        "paddingMask": [[0 if p else 1 for p in row] for row in padding.tolist()],
        "weights": keras_weights(base),
        "cases": cases,
        "gelu": {
            "x": floats(grid, 17),
            "erf": floats(torch.erf(grid / math.sqrt(2)), 17),
            "exact": floats(F.gelu(grid), 17),
            "tanh": floats(F.gelu(grid, approximate="tanh"), 17),
        },
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
