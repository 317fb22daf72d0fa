/** Defect masks made by an expert: the editable bit raster and its undo/redo jobs, validation states, output. */
package defectlens.mask;
