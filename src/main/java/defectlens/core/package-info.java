/** Plain-Java types every package may use: version, errors, progress. */
package defectlens.core;
