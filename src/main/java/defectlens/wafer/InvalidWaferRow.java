package defectlens.wafer;

/**
 * A row of a wafer file that was left out because its map broke a rule.
 *
 * @param row the row's position in the file, counting from 0
 * @param problem the rule it broke, e.g. "waferMap value 2.9 at (3, 4) is not 0, 1 or 2"
 */
public record InvalidWaferRow(int row, String problem) {
}
