#!/usr/bin/python3
"""Golden GradCAM for DefectLens: a tiny CNN in PyTorch, its weights, one image and the GradCAM maps.

Run with Debian's PyTorch (python3-torch): /usr/bin/python3 make_gradcam_golden.py
Writes into this folder:
  weights/*.npy     the tiny model's parameters (float32, PyTorch layouts)
  image.npy         a 32x32 gray image, integer grey levels 0..255 stored as float32
  logits.npy        (3,) logits of the image, input normalised as (x/255 - 0.5) / 0.5
  gradcam_raw.npy   (3, 16, 16) GradCAM at the split layer for each of the 3 classes
  gradcam_up.npy    (3, 32, 32) the raw map upsampled (bilinear, align_corners=False), ReLU, min-max
  cam_<method>.npy  (16, 16) raw maps of GradCAM++, HiResCAM, XGradCAM, LayerCAM, EigenCAM (sign fixed
                    to agree with the channel-summed activation) and ScoreCAM for the predicted class

The model: features = conv 1->6 3x3 pad 1, ReLU, conv 6->8 3x3 stride 2 pad 1, ReLU (the split);
head = conv 8->8 1x1, ReLU, global average pool, linear 8->3.
GradCAM is the standard formulation (Selvaraju et al.): w_k = spatial mean of d y_c / d A_k,
map = ReLU(sum_k w_k A_k).
Weights are drawn from normal distributions (seed 7) wide enough that maps are far from zero.
"""
import os
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class Features(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3, padding=1)
        self.conv2 = nn.Conv2d(6, 8, 3, stride=2, padding=1)

    def forward(self, x):
        return F.relu(self.conv2(F.relu(self.conv1(x))))


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv3 = nn.Conv2d(8, 8, 1)
        self.fc = nn.Linear(8, 3)

    def forward(self, a):
        return self.fc(F.relu(self.conv3(a)).mean(dim=(2, 3)))


def image():
    rng = np.random.RandomState(5)
    y, x = np.mgrid[0:32, 0:32]
    img = 70 + 50 * (np.sin(x * 2 * np.pi / 8) > 0) + rng.randint(0, 20, size=(32, 32))
    img[(x - 21) ** 2 + (y - 11) ** 2 <= 12] = 235
    return img.astype(np.float32)


def other_cams(features, head, x, c):
    """The rest of the CAM family for class c, raw maps at the split layer (pytorch-grad-cam formulas)."""
    a = features(x).detach().requires_grad_(True)
    head(a)[0, c].backward()
    g, a = a.grad[0].double(), a.detach()[0].double()
    out = {}
    g2, g3 = g ** 2, g ** 3
    sum_a = a.sum(dim=(1, 2), keepdim=True)
    alpha = torch.where(g != 0, g2 / (2 * g2 + sum_a * g3 + 1e-7), torch.zeros_like(g))
    w = (alpha * F.relu(g)).sum(dim=(1, 2), keepdim=True)
    out["gradcampp"] = F.relu((w * a).sum(0))
    out["hirescam"] = (g * a).sum(0)
    w = (g * a).sum(dim=(1, 2), keepdim=True) / (a.sum(dim=(1, 2), keepdim=True) + 1e-7)
    out["xgradcam"] = F.relu((w * a).sum(0))
    out["layercam"] = F.relu((F.relu(g) * a).sum(0))
    flat = a.reshape(a.shape[0], -1).T
    flat = flat - flat.mean(dim=0)
    _, _, vt = torch.linalg.svd(flat, full_matrices=False)
    proj = flat @ vt[0]
    if (proj * a.reshape(a.shape[0], -1).sum(0)).sum() < 0:
        proj = -proj
    out["eigencam"] = proj.reshape(a.shape[1:])
    up = F.interpolate(a[None].float(), size=x.shape[2:], mode="bilinear", align_corners=False)[0]
    lo = up.amin(dim=(1, 2), keepdim=True)
    hi = up.amax(dim=(1, 2), keepdim=True)
    masks = torch.where(hi > lo, (up - lo) / (hi - lo), torch.zeros_like(up))
    with torch.no_grad():
        scores = head(features(x * masks[:, None]))[:, c].double()
    out["scorecam"] = F.relu((torch.softmax(scores, 0)[:, None, None] * a).sum(0))
    return {k: v.numpy() for k, v in out.items()}


def main():
    torch.manual_seed(7)
    features, head = Features().eval(), Head().eval()
    with torch.no_grad():
        for module, std in ((features.conv1, 0.6), (features.conv2, 0.35), (head.conv3, 0.6), (head.fc, 1.5)):
            module.weight.normal_(0.0, std)
            module.bias.uniform_(-0.1, 0.1)
    os.makedirs(os.path.join(HERE, "weights"), exist_ok=True)
    params = {"conv1_w": features.conv1.weight, "conv1_b": features.conv1.bias,
              "conv2_w": features.conv2.weight, "conv2_b": features.conv2.bias,
              "conv3_w": head.conv3.weight, "conv3_b": head.conv3.bias,
              "fc_w": head.fc.weight, "fc_b": head.fc.bias}
    for name, p in params.items():
        np.save(os.path.join(HERE, "weights", name + ".npy"), p.detach().numpy().astype(np.float32))
    img = image()
    np.save(os.path.join(HERE, "image.npy"), img)
    x = torch.from_numpy((img / 255.0 - 0.5) / 0.5).float().reshape(1, 1, 32, 32)
    raw_maps, up_maps = [], []
    with torch.no_grad():
        logits = head(features(x))[0]
    np.save(os.path.join(HERE, "logits.npy"), logits.numpy().astype(np.float32))
    for c in range(3):
        a = features(x).detach().requires_grad_(True)
        y = head(a)
        y[0, c].backward()
        w = a.grad.mean(dim=(2, 3), keepdim=True)
        cam = F.relu((w * a).sum(dim=1))[0].detach()
        raw_maps.append(cam.numpy())
        up = F.interpolate(cam[None, None], size=(32, 32), mode="bilinear", align_corners=False)[0, 0]
        up = F.relu(up)
        up = (up - up.min()) / (up.max() - up.min())
        up_maps.append(up.numpy())
    np.save(os.path.join(HERE, "gradcam_raw.npy"), np.stack(raw_maps).astype(np.float32))
    np.save(os.path.join(HERE, "gradcam_up.npy"), np.stack(up_maps).astype(np.float32))
    target = int(logits.argmax())
    for name, cam in other_cams(features, head, x, target).items():
        np.save(os.path.join(HERE, "cam_" + name + ".npy"), cam.astype(np.float32))
    print("logits", logits.numpy(), "predicted", int(logits.argmax()))
    print("gradcam max per class", [float(m.max()) for m in raw_maps])


if __name__ == "__main__":
    main()
