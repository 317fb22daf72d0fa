#!/usr/bin/env python3
"""Export a PyTorch image classifier to a DefectLens TorchScript bundle.

DefectLens explains models at a *split layer*: it needs the network as two traced TorchScript
modules, ``features.pt`` (normalised image batch -> feature maps at the split) and ``head.pt``
(feature maps -> logits), plus a ``model.json`` describing classes and input. This script writes
all three for torchvision's EfficientNetV2 (and any torchvision model with ``.features``,
``.avgpool`` and ``.classifier``), or for a timm model (``forward_features`` / ``forward_head``).

Usage (torchvision, fine-tuned weights saved with ``torch.save(model.state_dict(), path)``)::

    python3 export_torchscript.py --arch efficientnet_v2_s --weights my_sem_model.pt \
        --classes single_bridge,thin_bridge,line_collapse,line_break,multi_bridge,no_defect \
        --input-size 384 --out my-bundle

    java -jar defectlens.jar model info my-bundle --json

or trace yourself and use ``java -jar defectlens.jar model import-torchscript --features F --head H
--classes c1,c2,... --input-size S --out DIR``.

Rules the script follows (and you should when tracing yourself):

* ``model.eval()`` BEFORE tracing: tracing freezes eval-mode BatchNorm and dropout into the graph,
  so DefectLens can run the modules with autograd on for GradCAM/CRAFT without changing outputs.
  Do not export scripted (``torch.jit.script``) modules unless frozen with ``torch.jit.freeze``.
* The input is ``(N, C, S, S)`` float32, normalised with the mean/std written to ``model.json``
  (ImageNet statistics by default; gray SEM images are replicated to 3 channels).
* The split is the end of ``features`` (for EfficientNetV2 the final 1x1 conv, 1280 channels).

``--tiny-test`` builds a small random CNN without torchvision; DefectLens' unit tests use it
(``src/test/resources/model/tiny-torchscript``, made with Debian's PyTorch 1.13:
``python3 docs/export_torchscript.py --tiny-test --out src/test/resources/model/tiny-torchscript``).
"""
import argparse
import json
import math
import os
import sys

import torch
from torch import nn

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


class Head(nn.Module):
    """Global average pool, flatten and the classifier: what follows the split."""

    def __init__(self, pool, classifier):
        super().__init__()
        self.pool = pool
        self.classifier = classifier

    def forward(self, x):
        return self.classifier(torch.flatten(self.pool(x), 1))


def torchvision_parts(arch, num_classes, weights):
    import torchvision

    model = getattr(torchvision.models, arch)(num_classes=num_classes)
    if weights:
        state = torch.load(weights, map_location="cpu")
        model.load_state_dict(state.get("state_dict", state) if isinstance(state, dict) else state)
    model.eval()
    return model.features, Head(model.avgpool, model.classifier), "features"


def tiny_parts(num_classes):
    torch.manual_seed(20260101)
    features = nn.Sequential(
        nn.Conv2d(3, 8, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(8, eps=1e-3), nn.SiLU(),
        nn.Conv2d(8, 16, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(16, eps=1e-3), nn.SiLU())
    head = Head(nn.AdaptiveAvgPool2d(1), nn.Sequential(nn.Dropout(0.2), nn.Linear(16, num_classes)))
    # give BatchNorm non-trivial running statistics so that eval mode matters
    with torch.no_grad():
        for m in features.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 1.5)
    features.eval()
    head.eval()
    return features, head, "features.5"


def golden_input(channels, size):
    """A deterministic input both Python and the Java test can compute."""
    x = torch.empty(1, channels, size, size)
    for c in range(channels):
        for y in range(size):
            for w in range(size):
                x[0, c, y, w] = math.sin(0.37 * (y * size + w) + 1.3 * c)
    return x


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--arch", default="efficientnet_v2_s", help="torchvision model name")
    p.add_argument("--weights", help="state_dict file (.pt/.pth) of the fine-tuned model")
    p.add_argument("--classes", help="class names in logit order, comma separated")
    p.add_argument("--input-size", type=int, default=384)
    p.add_argument("--name", help="model name in model.json (default: the --out folder name)")
    p.add_argument("--out", required=True, help="bundle folder to write")
    p.add_argument("--tiny-test", action="store_true", help="export the small random test CNN instead")
    args = p.parse_args()

    if args.tiny_test:
        classes = (args.classes or "a,b,c").split(",")
        size = 32
        features, head, split = tiny_parts(len(classes))
    else:
        if not args.classes:
            sys.exit("--classes is required")
        classes = args.classes.split(",")
        size = args.input_size
        features, head, split = torchvision_parts(args.arch, len(classes), args.weights)

    os.makedirs(args.out, exist_ok=True)
    example = golden_input(3, size)
    with torch.no_grad():
        traced_features = torch.jit.trace(features, example)
        maps = features(example)
        traced_head = torch.jit.trace(head, maps)
        logits = head(maps)
    traced_features.save(os.path.join(args.out, "features.pt"))
    traced_head.save(os.path.join(args.out, "head.pt"))
    parameters = sum(p.numel() for p in list(features.parameters()) + list(head.parameters()))
    manifest = {
        "name": args.name or os.path.basename(os.path.abspath(args.out)),
        "architecture": "torchscript",
        "classes": classes,
        "input": {"channels": 3, "height": size, "width": size, "mean": IMAGENET_MEAN, "std": IMAGENET_STD},
        "split_layer": split,
        "parameters": parameters,
        "weights": ["features.pt", "head.pt"],
        "provenance": {"data": "exported by docs/export_torchscript.py (%s, torch %s)"
                       % ("tiny-test" if args.tiny_test else args.arch, torch.__version__)},
    }
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    if args.tiny_test:
        # golden outputs for the Java test: logits and feature-map shape for golden_input(3, 32)
        with open(os.path.join(args.out, "golden.json"), "w") as f:
            json.dump({"input": "sin(0.37 * (y * size + x) + 1.3 * c)", "size": size,
                       "features_shape": list(maps.shape), "logits": logits[0].tolist()}, f, indent=2)
    print("wrote %s (features.pt, head.pt, model.json; %d parameters)" % (args.out, parameters))


if __name__ == "__main__":
    main()
