#!/usr/bin/python3
"""Timing baseline for the tutorial's PyTorch training, for comparison with DL4J.

Two modes (run from the repository root, always with /usr/bin/python3):

  OMP_NUM_THREADS=1 /usr/bin/python3 reference/torch_bench.py
      In-process timing: the full tutorial MSE run (bad start w=-5, b=-10,
      SGD lr 2, batch 2, 50 epochs = 1000 SGD steps) is done once as warm-up,
      then 7 more times; prints the median time per SGD step:
          torch_us_per_step <median>
      Each timed run includes building the model/optimizer/DataLoader and the
      DataLoader iteration, i.e. everything the tutorial's loop does per step.

  OMP_NUM_THREADS=1 /usr/bin/python3 reference/torch_bench.py --tutorial-only
      One plain tutorial run (data, model, 50 epochs, accuracy), no plotting
      and no repeats, so the whole process can be timed from outside, e.g.
          hyperfine -w 1 -r 5 'OMP_NUM_THREADS=1 /usr/bin/python3 reference/torch_bench.py --tutorial-only'
          /usr/bin/time -v /usr/bin/python3 reference/torch_bench.py --tutorial-only
"""

import os
import statistics
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")   # must precede `import torch`

import torch
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_reference import SigmoidLinear, make_data  # noqa: E402  (the reference's own data and model)

torch.set_num_threads(1)


def tutorial_run(epochs=50):
    """The tutorial's MSE experiment; returns (steps, accuracy)."""
    x, y = make_data()
    model = SigmoidLinear()
    with torch.no_grad():
        model.linear.weight.fill_(-5.0)
        model.linear.bias.fill_(-10.0)
    criterion = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=2)
    loader = DataLoader(TensorDataset(x, y), batch_size=2)

    losses = []
    for _ in range(epochs):
        for xb, yb in loader:
            loss = criterion(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    with torch.no_grad():
        acc = ((model(x) > 0.5) == (y > 0.5)).float().mean().item()
    return len(losses), acc


def main(argv):
    if "--tutorial-only" in argv:
        _, acc = tutorial_run()
        print("accuracy", acc)
        return 0

    tutorial_run()                                  # warm-up
    per_step = []
    for _ in range(7):
        t0 = time.perf_counter()
        steps, _ = tutorial_run()
        per_step.append((time.perf_counter() - t0) / steps * 1e6)
    print("torch_us_per_step %.2f" % statistics.median(per_step))
    print("runs_us_per_step " + " ".join("%.2f" % v for v in per_step))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
