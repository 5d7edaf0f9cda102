#!/usr/bin/python3
"""Reference numbers from PyTorch for the weight-initialisation lab.

Replays the tutorial's experiment (1-D logistic regression trained with plain
SGD, from a deliberately bad starting point) for a list of configurations and
writes every step's loss and parameters to reference/torch_reference.json, so
the Java/DL4J side can be compared with PyTorch number by number.

Run from the repository root:

    OMP_NUM_THREADS=1 /usr/bin/python3 reference/torch_reference.py

Output is deterministic: rerunning gives the same bytes except for the
top-level "provenance" block (versions, platform, timestamp).

How torch builds x (checked against the 40 IEEE-754 bit patterns; see
check_arange_formula below). torch.arange(-2, 2, 0.1) in float32 on CPU
(torch 1.13) does its arithmetic in double and narrows to float, but not
simply as float32(-2 + 0.1*i):
  * the first 32 elements come from the vectorised loop, which handles two
    8-float vectors per iteration.  Each vector starts from
    base_k = float32(-2 + 0.1*(8*k)) and its lanes are
    float32(double(base_k) + 0.1*j), j = 0..7 (so the lane values build on an
    already-rounded float base);
  * the remaining 8 elements (32..39) come from the scalar tail loop:
    float32(-2 + 0.1*i).
Neither formula alone matches all 40 values.  The consequence that matters
here is x[22] = 0.19999998807907104 (< 0.2), so "x > 0.2" marks 17 points
(x = 0.3 .. 1.9) as positive, not 18.
"""

import datetime
import json
import os
import platform
import sys

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "torch_reference.json")


# ---------------------------------------------------------------- data & model
def make_data():
    """40 points on [-2, 2) with step 0.1; label 1 where x > 0.2 (float32)."""
    x = torch.arange(-2, 2, 0.1).view(-1, 1)          # float32, shape [40, 1]
    y = (x > 0.2).to(torch.float32)                    # shape [40, 1]
    return x, y


class SigmoidLinear(torch.nn.Module):
    """One linear unit followed by a sigmoid: p = sigmoid(w*x + b)."""

    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        return torch.sigmoid(self.linear(x))


def f32(t):
    """Python float holding a single-element float32 tensor's exact value."""
    return float(t.detach().reshape(-1)[0].item())


# ---------------------------------------------------------------- one run
def train(name, init, w0, b0, loss, lr, batch, epochs, seed=None):
    x, y = make_data()

    if seed is not None:
        torch.manual_seed(seed)
    model = SigmoidLinear()            # draws torch's default init (RNG use)
    if init == "fixed":
        # Overwrite in place; same float32 values the tutorial's state_dict
        # write produces.
        with torch.no_grad():
            model.linear.weight.fill_(w0)
            model.linear.bias.fill_(b0)
    elif init != "torch_default":
        raise ValueError(init)
    w_init = f32(model.linear.weight)
    b_init = f32(model.linear.bias)

    criterion = {"mse": torch.nn.MSELoss, "bce": torch.nn.BCELoss}[loss]()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loader = DataLoader(TensorDataset(x, y), batch_size=batch,
                        shuffle=False, drop_last=False)

    it_loss, it_w, it_b = [], [], []
    ep_mean, ep_acc = [], []
    for _ in range(epochs):
        losses_this_epoch = []
        for xb, yb in loader:              # minibatches in dataset order
            yhat = model(xb)
            batch_loss = criterion(yhat, yb)
            optimizer.zero_grad()
            batch_loss.backward()
            optimizer.step()
            lv = float(batch_loss.item())  # loss before this step's update
            losses_this_epoch.append(lv)
            it_loss.append(lv)
            it_w.append(f32(model.linear.weight))
            it_b.append(f32(model.linear.bias))
        # Mean of the minibatch losses: sequential float64 sum / count.
        total = 0.0
        for v in losses_this_epoch:
            total += v
        ep_mean.append(total / len(losses_this_epoch))
        ep_acc.append(accuracy(model, x, y))

    return {
        "name": name,
        "config": {
            "init": init,
            "w0": w_init,
            "b0": b_init,
            "loss": loss,
            "learningRate": float(lr),
            "batchSize": int(batch),
            "epochs": int(epochs),
            "seed": seed,
            "dtype": "float",
        },
        "initialParams": {"w": w_init, "b": b_init},
        "iterationLoss": it_loss,
        "iterationW": it_w,
        "iterationB": it_b,
        "epochMeanLoss": ep_mean,
        "epochAccuracy": ep_acc,
        "finalParams": {"w": f32(model.linear.weight),
                        "b": f32(model.linear.bias)},
        "accuracy": ep_acc[-1] if ep_acc else accuracy(model, x, y),
    }


def accuracy(model, x, y):
    """Fraction of the 40 points where (p > 0.5) equals the label.

    p comes from one float32 forward pass over all points; the fraction is
    count / 40 in double (so 23 correct gives exactly 0.575)."""
    with torch.no_grad():
        pred = model(x) > 0.5
    correct = int((pred == (y > 0.5)).sum().item())
    return correct / x.shape[0]


# ---------------------------------------------------------------- configs
FIXED_RUNS = [
    # name,                          loss,  lr,  batch, epochs, w0,  b0
    ("mse_fixed_tutorial",           "mse", 2.0,  2, 50,  -5.0, -10.0),
    ("bce_fixed_tutorial",           "bce", 2.0,  2, 50,  -5.0, -10.0),
    ("bce_fixed_fullbatch",          "bce", 2.0, 40, 50,  -5.0, -10.0),
    ("mse_fixed_fullbatch",          "mse", 2.0, 40, 50,  -5.0, -10.0),
    ("mse_lr0.5_b4_e30_w1_b-2",      "mse", 0.5,  4, 30,   1.0,  -2.0),
    ("mse_lr1_b5_e20_w0.5_b0.3",     "mse", 1.0,  5, 20,   0.5,   0.3),
    ("mse_lr2_b3_e10_w2_b2",         "mse", 2.0,  3, 10,   2.0,   2.0),
    ("bce_lr0.1_b8_e40_w-2_b3",      "bce", 0.1,  8, 40,  -2.0,   3.0),
    ("bce_lr3_b1_e10_w-5_b-10",      "bce", 3.0,  1, 10,  -5.0, -10.0),
    ("bce_lr0.5_b7_e25_w20_b-20",    "bce", 0.5,  7, 25,  20.0, -20.0),
]
DEFAULT_INIT_RUNS = [
    # name,                          loss,  lr,  batch, epochs, seed
    ("torch_default_seed0_mse",      "mse", 2.0,  2, 50, 0),
    ("torch_default_seed0_bce",      "bce", 2.0,  2, 50, 0),
]


# ---------------------------------------------------------------- arange check
def check_arange_formula(x):
    """Return which candidate formula reproduces torch's 40 float32 values."""
    got = x.numpy().reshape(-1).astype(np.float32).view(np.uint32)
    n = got.size

    def bits(vals):
        return np.array(vals, dtype=np.float32).view(np.uint32)

    results = {}
    plain = bits([np.float32(-2.0 + 0.1 * i) for i in range(n)])
    results["plain"] = int((plain == got).sum())
    for V in (4, 8, 16):
        vals = []
        for i in range(n):
            k, j = divmod(i, V)
            base = np.float32(-2.0 + 0.1 * (V * k))
            vals.append(np.float32(float(base) + j * 0.1))
        results["vector%d" % V] = int((bits(vals) == got).sum())
        # Vector loop over pairs of vectors, scalar loop for the tail.
        head = (n // (2 * V)) * (2 * V)
        mixed = [vals[i] if i < head else np.float32(-2.0 + 0.1 * i)
                 for i in range(n)]
        results["vector%d+scalar_tail" % V] = int((bits(mixed) == got).sum())
    return results


# ---------------------------------------------------------------- main
def main():
    x, y = make_data()
    x_vals = [float(v) for v in x.reshape(-1).tolist()]
    x_bits = [int(b) for b in
              x.numpy().reshape(-1).astype(np.float32).view(np.uint32)]
    y_vals = [float(v) for v in y.reshape(-1).tolist()]

    runs = []
    for name, loss, lr, batch, epochs, w0, b0 in FIXED_RUNS:
        runs.append(train(name, "fixed", w0, b0, loss, lr, batch, epochs))
    for name, loss, lr, batch, epochs, seed in DEFAULT_INIT_RUNS:
        runs.append(train(name, "torch_default", None, None, loss, lr,
                          batch, epochs, seed=seed))

    cap = None
    try:
        cap = torch.backends.cpu.get_cpu_capability()
    except AttributeError:
        for line in torch.__config__.show().splitlines():
            if "CPU capability" in line:
                cap = line.split(":", 1)[1].strip()

    try:  # Debian's python3-torch reports torch.__version__ as "1.13.0a0"
        import subprocess
        deb = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "python3-torch"],
            capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        deb = None

    doc = {
        "x": x_vals,
        "xFloat32Bits": x_bits,
        "y": y_vals,
        "positives": int(sum(y_vals)),
        "runs": runs,
        "provenance": {
            "framework": "pytorch",
            "frameworkVersion": torch.__version__,
            "torch": torch.__version__,
            "debianPython3Torch": deb,
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "platform": platform.platform(),
            "cpuCapability": cap,
            "threads": torch.get_num_threads(),
            "timestamp": datetime.datetime.now(datetime.timezone.utc)
                         .isoformat(timespec="seconds"),
        },
    }

    tmp = OUT_PATH + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    os.replace(tmp, OUT_PATH)

    # ---- summary and checks against the known tutorial facts
    by = {r["name"]: r for r in runs}
    m, b = by["mse_fixed_tutorial"], by["bce_fixed_tutorial"]
    print("positives", doc["positives"], " x[22] =", x_vals[22])
    print("mse_fixed_tutorial  w=%r b=%r acc=%r firstLoss=%r" % (
        np.float32(m["finalParams"]["w"]), np.float32(m["finalParams"]["b"]),
        m["accuracy"], np.float32(m["iterationLoss"][0])))
    print("bce_fixed_tutorial  w=%r b=%r acc=%r" % (
        np.float32(b["finalParams"]["w"]), np.float32(b["finalParams"]["b"]),
        b["accuracy"]))
    checks = [
        doc["positives"] == 17,
        np.float32(m["finalParams"]["w"]) == np.float32(-3.5146594),
        np.float32(m["finalParams"]["b"]) == np.float32(-10.764264),
        m["accuracy"] == 0.575,
        np.float32(m["iterationLoss"][0]) == np.float32(0.19626848),
        np.float32(b["finalParams"]["w"]) == np.float32(13.704489),
        # Often quoted as -3.249918 (7 significant digits); the float32
        # itself is -3.2499175 (exactly -3.249917507171631).
        np.float32(b["finalParams"]["b"]) == np.float32(-3.2499175),
        b["accuracy"] == 1.0,
    ]
    print("known facts reproduced:", all(checks), checks)
    for r in runs:
        print("  %-32s steps=%4d w=%-12r b=%-12r acc=%r" % (
            r["name"], len(r["iterationLoss"]),
            np.float32(r["finalParams"]["w"]),
            np.float32(r["finalParams"]["b"]), r["accuracy"]))
    print("cpu capability:", cap)
    print("arange candidates (matches out of 40):", check_arange_formula(x))
    print("wrote", OUT_PATH)
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
