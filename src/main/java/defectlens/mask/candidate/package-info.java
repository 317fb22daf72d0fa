/** Candidate masks proposed to the expert: named generators behind one interface. */
package defectlens.mask.candidate;
