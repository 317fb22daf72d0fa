package defectlens.wafer;

/**
 * What reading a wafer file does with a row whose map breaks a rule (values other than 0, 1 and 2, an
 * empty or absurd shape, a cell that is not a 2-D array...): stop with an error naming the file, the row
 * and the rule ({@link #FAIL}), or leave the row out, go on and report it ({@link #SKIP}).
 */
public enum InvalidRows {
    FAIL,
    SKIP
}
