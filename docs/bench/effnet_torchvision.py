#!/usr/bin/python3
"""Inference speed of torchvision's efficientnet_v2_s in Python PyTorch: the reference figures next to
`defectlens bench sem` in docs/benchmarks.md. Same protocol: random-initialised weights, random
normal input, untimed warm-up passes, the median wall time of the timed repeats per batch size.

    /usr/bin/python3 docs/bench/effnet_torchvision.py --threads 2 --size 384 --batch 1,16 --repeats 5 --warmup 2
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torchvision


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--size", type=int, default=384)
    ap.add_argument("--batch", default="1,16")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    model = torchvision.models.efficientnet_v2_s(weights=None).eval()
    params = sum(p.numel() for p in model.parameters())
    results = []
    with torch.inference_mode():
        for batch in [int(b) for b in a.batch.split(",")]:
            times = []
            cpu = []
            for r in range(-a.warmup, a.repeats):
                x = torch.randn(batch, 3, a.size, a.size)
                c0 = time.process_time()
                t0 = time.perf_counter()
                model(x)
                s = time.perf_counter() - t0
                c = time.process_time() - c0
                print(f"batch {batch} {'warm-up' if r < 0 else 'run'} {r + a.warmup + 1 if r < 0 else r + 1}: "
                      f"{s:.3f} s wall, {c:.3f} s CPU", file=sys.stderr, flush=True)
                if r >= 0:
                    times.append(s)
                    cpu.append(c)
            med = statistics.median(times)
            results.append({"batch": batch, "repeats": a.repeats, "medianSeconds": med, "minSeconds": min(times),
                            "millisPerImage": 1000 * med / batch, "imagesPerSecond": batch / med,
                            "medianCpuSeconds": statistics.median(cpu),
                            "cpuMillisPerImage": 1000 * statistics.median(cpu) / batch})
    if a.json:
        print(json.dumps({"benchmark": "torchvision efficientnet_v2_s", "torch": torch.__version__,
                          "torchvision": torchvision.__version__, "threads": torch.get_num_threads(),
                          "parameters": params, "input": [3, a.size, a.size], "results": results}, indent=2))
    else:
        print(f"torchvision efficientnet_v2_s ({params:,} parameters, input [3, {a.size}, {a.size}], "
              f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads)")
        print(f"{'batch':>6} {'median s':>12} {'fastest s':>12} {'ms per image':>14} {'images/s':>10} "
              f"{'median CPU s':>12} {'CPU ms per image':>18}")
        for r in results:
            print(f"{r['batch']:6d} {r['medianSeconds']:12.3f} {r['minSeconds']:12.3f} {r['millisPerImage']:14.1f} "
                  f"{r['imagesPerSecond']:10.2f} {r['medianCpuSeconds']:12.3f} {r['cpuMillisPerImage']:18.1f}")


if __name__ == "__main__":
    main()
