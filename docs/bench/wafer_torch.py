#!/usr/bin/python3
"""Speed of the wafer CNN of docs/wafer-networks.md in Python PyTorch: the reference figures next to
`defectlens bench wafer` in docs/benchmarks.md. The same network (Conv 16/64/128/256 3x3 padding 1 ->
ReLU -> BatchNorm -> MaxPool 2, FC 256 -> 128 -> classes; the kernel-flip module at Conv 64 for the
`proposed` and `kernel-flip` variants), random-initialised, on random 64x64 inputs (the network cost does
not depend on the values). Times (1) inference at --batch inputs per forward call (default 64, as
`bench wafer`) over --maps inputs, median of the repeats after one untimed pass, wall and process CPU time
(all threads; the steadier figure on a shared machine), and (2) one training epoch over --train-maps inputs at batch 64 with Adam 3e-4 and
cross-entropy, the second of two epochs (the first warms up). The input encoding (the Radon transform of
`proposed`) is not part of it: compare with `network_maps_per_second` of `bench wafer`.

    /usr/bin/python3 docs/bench/wafer_torch.py --variant proposed --threads 2 --maps 1024 --train-maps 6400
    /usr/bin/python3 docs/bench/wafer_torch.py --threads 1 --batch 64 --maps 512 --train-maps 0
"""
import argparse
import json
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class KernelFlipConv2d(nn.Conv2d):
    """One weight used as itself and mirrored along the kernel width; element-wise max of the two outputs."""

    def forward(self, x):
        a = F.conv2d(x, self.weight, self.bias, padding=1)
        b = F.conv2d(x, self.weight.flip(3), self.bias, padding=1)
        return torch.maximum(a, b)


def parse_widths(text):
    """'16,64,128,256/256,128' (the paper's, `paper`) or `student` (8,24,48,96/128,64) as in WaferWidths."""
    text = {"paper": "16,64,128,256/256,128", "student": "8,24,48,96/128,64"}.get(text, text)
    convs, hidden = text.split("/")
    return [int(f) for f in convs.split(",")], [int(h) for h in hidden.split(",")]


def wafer_net(variant, classes, widths="paper"):
    filters_per_stage, hidden = parse_widths(widths)
    layers = []
    channels = 1
    for stage, filters in enumerate(filters_per_stage):
        flip = stage == 1 and variant in ("proposed", "kernel-flip")
        conv = KernelFlipConv2d(channels, filters, 3, padding=1) if flip else nn.Conv2d(channels, filters, 3, padding=1)
        layers += [conv, nn.ReLU(), nn.BatchNorm2d(filters), nn.MaxPool2d(2, 2)]
        channels = filters
    layers += [nn.Flatten(), nn.Linear(channels * 4 * 4, hidden[0]), nn.ReLU(), nn.Linear(hidden[0], hidden[1]),
               nn.ReLU(), nn.Linear(hidden[1], classes)]
    return nn.Sequential(*layers)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variant", default="proposed", choices=["proposed", "radon", "kernel-flip", "baseline"])
    ap.add_argument("--classes", type=int, default=7)
    ap.add_argument("--widths", default="paper", help="paper, student or F1,F2,F3,F4/H1,H2 (bench wafer's model)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--maps", type=int, default=1024)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--train-maps", type=int, default=6400)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    net = wafer_net(a.variant, a.classes, a.widths)
    params = sum(p.numel() for p in net.parameters()) + sum(b.numel() for n, b in net.named_buffers()
                                                          if "running" in n)
    x = (torch.rand(a.maps, 1, 64, 64) < 0.1).float()
    net.eval()
    times = []
    cpu = []
    load_start = os.getloadavg()[0]
    with torch.inference_mode():
        for r in range(-1, a.repeats):
            t0 = time.perf_counter()
            c0 = time.process_time()
            for s in range(0, a.maps, a.batch):
                net(x[s:s + a.batch]).softmax(1)
            if r >= 0:
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
    infer = statistics.median(times)
    out = {"benchmark": "wafer_torch", "torch": torch.__version__, "variant": a.variant, "classes": a.classes,
           "widths": a.widths,
           "parameters_with_running_stats": params, "threads": a.threads, "batch": a.batch, "maps": a.maps,
           "load_average_at_start": load_start, "seconds_median": infer, "maps_per_second": a.maps / infer,
           "cpu_seconds_median": statistics.median(cpu), "maps_per_cpu_second": a.maps / statistics.median(cpu),
           "load_average_at_end": os.getloadavg()[0]}
    if a.train_maps > 0:
        xt = (torch.rand(a.train_maps, 1, 64, 64) < 0.1).float()
        yt = torch.randint(0, a.classes, (a.train_maps,))
        net.train()
        opt = torch.optim.Adam(net.parameters(), lr=3e-4)
        epochs = []
        for epoch in range(2):
            t0 = time.perf_counter()
            order = torch.randperm(a.train_maps)
            for s in range(0, a.train_maps, 64):
                idx = order[s:s + 64]
                opt.zero_grad()
                loss = F.cross_entropy(net(xt[idx]), yt[idx])
                loss.backward()
                opt.step()
            epochs.append(time.perf_counter() - t0)
        out["timed_epoch_maps"] = a.train_maps
        out["timed_epoch_seconds"] = epochs[1]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
