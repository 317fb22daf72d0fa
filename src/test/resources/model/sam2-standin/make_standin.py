#!/usr/bin/python3
"""Makes sam2-standin.pt: a tiny TorchScript stand-in for a SAM2 export made by DJL's trace_sam2_img.py.

It has the export's two methods with the same inputs and outputs:
  encode(image 1x3x1024x1024) -> (high_res_feats_0 1x32x256x256, high_res_feats_1 1x64x128x128,
                                  image_embed 1x256x64x64)
  forward(image_embed, high_res_feats_0, high_res_feats_1, point_coords 1xNx2 (1024 scale),
          point_labels 1xN (0 background, 1 foreground, 2/3 box corners), mask_input 1x1x256x256,
          has_mask_input 1) -> (mask logits 1x3x256x256, iou scores 1x3)
but no weights: the best mask (score 0.9) is a disc of radius 24 (image-1024 scale) around the first prompt
point, or the box from the first to the last prompt when the first is a box corner (label 2); the other two masks are empty with lower
scores. The embeddings are channel means of the image, so encode depends on its input.
Run once with /usr/bin/python3 (torch 1.13): python3 make_standin.py (writes beside this script).
"""
import os

import torch
from torch import nn


class Sam2StandIn(nn.Module):
    def encode(self, x: torch.Tensor):
        gray = x.mean(1, keepdim=True)
        f0 = nn.functional.avg_pool2d(gray, 4).expand(1, 32, 256, 256).contiguous()
        f1 = nn.functional.avg_pool2d(gray, 8).expand(1, 64, 128, 128).contiguous()
        emb = nn.functional.avg_pool2d(gray, 16).expand(1, 256, 64, 64).contiguous()
        return f0, f1, emb

    def forward(self, image_embed, high_res_feats_0, high_res_feats_1, point_coords, point_labels,
                mask_input, has_mask_input):
        grid = torch.arange(256, dtype=torch.float32) * 4 + 2
        yy = grid.view(256, 1).expand(256, 256)
        xx = grid.view(1, 256).expand(256, 256)
        px = point_coords[0, 0, 0]
        py = point_coords[0, 0, 1]
        disc = ((xx - px) ** 2 + (yy - py) ** 2) <= 24.0 ** 2
        second = point_coords[0, -1]
        box = (xx >= px) & (xx <= second[0]) & (yy >= py) & (yy <= second[1])
        is_box = point_labels[0, 0] == 2
        best = torch.where(is_box, box, disc)
        zero = image_embed.mean() * 0
        logits = torch.where(best, torch.tensor(10.0), torch.tensor(-10.0)) + zero
        empty = torch.full((256, 256), -10.0)
        masks = torch.stack([empty, logits, empty]).unsqueeze(0)
        scores = torch.tensor([[0.1, 0.9, 0.2]])
        return masks, scores


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    model = Sam2StandIn().eval()
    image = torch.rand(1, 3, 1024, 1024)
    f0, f1, emb = model.encode(image)
    coords = torch.tensor([[[100.0, 200.0], [300.0, 400.0]]])
    labels = torch.tensor([[1.0, 0.0]])
    traced = torch.jit.trace_module(model, {
        "encode": image,
        "forward": (emb, f0, f1, coords, labels, torch.zeros(1, 1, 256, 256), torch.zeros(1)),
    })
    torch.jit.save(traced, os.path.join(here, "sam2-standin.pt"))


if __name__ == "__main__":
    main()
