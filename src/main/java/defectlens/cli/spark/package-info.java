/** Batch scoring on Apache Spark: the {@code wafer-score} and {@code sem-score} jobs and the Parquet export. */
package defectlens.cli.spark;
