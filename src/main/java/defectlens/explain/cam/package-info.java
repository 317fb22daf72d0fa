/** The class activation map family: GradCAM, GradCAM++, HiResCAM, XGradCAM, LayerCAM, EigenCAM, ScoreCAM. */
package defectlens.explain.cam;
