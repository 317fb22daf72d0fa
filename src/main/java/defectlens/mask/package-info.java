/** Defect masks made for the expert: candidate generators run over a data set, written and measured. */
package defectlens.mask;
