/**
 * CAE augmentation of the stacking-ensemble paper: a convolutional auto-encoder of 32 x 32 wafer maps, maps decoded
 * from noisy latent codes and kept only when their SSIM with the source map is at least 0.9.
 */
package defectlens.wafer.augment;
