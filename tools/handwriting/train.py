"""Train the digit reader: a small convolutional network with CTC (docs/handwriting.md).

usage: train.py MNIST_PACKAGE_DIR OUT.onnx [--samples N] [--epochs E] [--crops DIR] [--seed S]

The network reads a grey crop 32x128 and gives, for each of 32 columns, scores for
the blank and the ten digits (logits, shape 1x11x1x32): a convolutional network
only, so that OpenCV's dnn module runs the exported ONNX as it is. Reproducible:
the seeds are fixed (--seed S moves them all: one member of an ensemble each). --crops measures exact-string accuracy on a labelled crop set
(crops.tsv) after each epoch, for the log only: nothing is chosen by it.
"""
import os, random, sys, time
import numpy as np
import torch
import torch.nn as nn
from multiprocessing import Pool
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))
import samples

CLASSES = 11  # blank, 0..9


def block(cin, cout, pool):
    layers = [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
    if pool:
        layers.append(nn.MaxPool2d(pool))
    return layers


class DigitReader(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            *block(1, 16, (2, 2)),      # 16x64
            *block(16, 32, (2, 2)),     # 8x32
            *block(32, 48, None),
            *block(48, 48, (2, 1)),     # 4x32
            *block(48, 64, (2, 1)),     # 2x32
            nn.Conv2d(64, 96, (2, 1), bias=False), nn.BatchNorm2d(96), nn.ReLU(inplace=True),  # 1x32
            nn.Conv2d(96, 96, (1, 5), padding=(0, 2), bias=False), nn.BatchNorm2d(96), nn.ReLU(inplace=True),
            nn.Conv2d(96, 96, (1, 5), padding=(0, 2), bias=False), nn.BatchNorm2d(96), nn.ReLU(inplace=True),
            nn.Dropout(0.1),
            nn.Conv2d(96, CLASSES, 1))

    def forward(self, x):  # x: N x 1 x 32 x 128 in 0..1
        return self.features(x - 0.5)  # N x 11 x 1 x 32


def make(args):
    seed, count, mnist_dir = args
    rng = random.Random(seed)
    mnist, fonts = samples.load_mnist(mnist_dir), samples.handwriting_fonts()
    xs, ys = [], []
    for _ in range(count):
        img, text = samples.sample(rng, mnist, fonts)
        xs.append((samples.to_input(img) * 255).astype(np.uint8))
        ys.append(text)
    return xs, ys


def greedy(logits):
    best = logits.argmax(1)[:, 0, :]  # N x 32
    out = []
    for row in best.tolist():
        s, prev = "", 0
        for c in row:
            if c != prev and c != 0:
                s += str(c - 1)
            prev = c
        out.append(s)
    return out


def crop_set(directory):
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(directory, "crops.tsv"), encoding="utf-8")][1:]
    x = np.stack([samples.to_input(Image.open(os.path.join(directory, r[0])).convert("RGB")) for r in rows])
    return torch.tensor(x[:, None], dtype=torch.float32), [r[2] for r in rows], [r[1] for r in rows]


def same(got, truth, kind):
    """A day is a number: "06" is the 6th."""
    return got == truth or (kind == "day" and got.isdigit() and truth.isdigit() and int(got) == int(truth))


def main():
    argv = sys.argv[1:]
    opt = lambda name, default: type(default)(argv[argv.index(name) + 1]) if name in argv else default
    mnist_dir, out = argv[0], argv[1]
    total, epochs, crops = opt("--samples", 60000), opt("--epochs", 12), opt("--crops", "")
    seed = opt("--seed", 0)
    torch.manual_seed(7 + seed)
    jobs = os.cpu_count() or 2
    t0 = time.time()
    with Pool(jobs) as pool:
        parts = pool.map(make, [(1000 + 100 * seed + i, total // (jobs * 4), mnist_dir) for i in range(jobs * 4)])
    x = torch.tensor(np.stack([a for p in parts for a in p[0]])[:, None], dtype=torch.float32) / 255.0
    texts = [t for p in parts for t in p[1]]
    print(f"{len(texts)} samples in {time.time() - t0:.0f} s", flush=True)
    targets = [torch.tensor([int(c) + 1 for c in t]) for t in texts]
    model = DigitReader()
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = epochs * (len(texts) // 64)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3, total_steps=steps)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    real = crop_set(crops) if crops else None
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(texts))
        loss_sum, n = 0.0, 0
        for b in range(0, len(texts) - 63, 64):
            idx = order[b:b + 64]
            logits = model(x[idx])[:, :, 0, :]  # N x C x T
            logp = logits.permute(2, 0, 1).log_softmax(2)  # T x N x C
            tg = [targets[i] for i in idx.tolist()]
            loss = ctc(logp, torch.cat(tg), torch.full((len(tg),), logp.shape[0], dtype=torch.long),
                       torch.tensor([len(t) for t in tg]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            loss_sum, n = loss_sum + loss.item(), n + 1
        model.eval()
        with torch.no_grad():
            held = greedy(model(x[:2000]))
            synth = sum(a == b for a, b in zip(held, texts[:2000])) / 2000
            note = ""
            if real:
                got = greedy(model(real[0]))
                note = f" real crops {sum(same(a, b, k) for a, b, k in zip(got, real[1], real[2]))}/{len(got)}"
        print(f"epoch {epoch + 1}: loss {loss_sum / n:.3f} synthetic(train) {synth:.3f}{note} {time.time() - t0:.0f} s", flush=True)
        if real and "--show" in argv:
            print("  " + " ".join(f"{t}:{g}" for t, g in zip(real[1], got)), flush=True)
        export(model, out)
    print(f"wrote {out} ({os.path.getsize(out)} bytes)")


def export(model, out):
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 1, samples.HEIGHT, samples.WIDTH), out, input_names=["crop"],
                      output_names=["logits"], opset_version=11, do_constant_folding=True)


if __name__ == "__main__":
    main()
