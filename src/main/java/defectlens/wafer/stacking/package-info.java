/**
 * Feature-based wafer classifiers: the boosted stacking ensemble (BSEML) of Choi, Suh and Otto (2023) - random
 * forest, decision tree, k-NN and SVM (Tribuo) under an XGBoost meta level - and the models it is compared with.
 */
package defectlens.wafer.stacking;
