package defectlens.dataset;

/**
 * The ranges a generated SEM frame is drawn from, all at 480 px (geometry is multiplied by size / 480). Each
 * quantity is {@code min + span * u} with {@code u} uniform in [0, 1); {@link #standard()} holds the constants of
 * the original generator, so its draws and arithmetic, and hence its images, are unchanged.
 *
 * @param horizontalShare share of frames whose lines run horizontally
 * @param extraTiltDeg largest extra tilt of the lines in degrees (drawn only when positive)
 * @param pitchMin line pitch in px
 * @param dutyMin line width as a share of the pitch
 * @param lerMin line-edge roughness (standard deviation, px)
 * @param lerCorrelationMin correlation length of the roughness (px)
 * @param spaceLevelMin grey level of the spaces
 * @param topStepMin grey step from space to line top
 * @param edgeLevelMin extra grey level of the bright line edges
 * @param brightnessTilt largest linear brightness change across the frame (share of the level)
 * @param rippleMax largest amplitude of the slow brightness ripple
 * @param blurMin detector blur (Gaussian sigma, px)
 * @param gainMin shot-noise gain (grey levels per electron)
 * @param jitterMin scan-line jitter (grey levels)
 * @param chargingShare share of frames with a charging gradient (bright glow from one side)
 * @param partialShare share of frames cut short on one side (a blank strip away from the defect)
 * @param bridgeMin thickness of a single bridge (px)
 * @param thinBridgeMin thickness of a thin bridge (px)
 * @param thinLevelMin coverage of a thin bridge's faint film (span 0 keeps the original constant)
 * @param multiBridgeMin thickness of each bridge of a multi-bridge (px)
 * @param gapMin gap of a line break (px)
 * @param gapFloor smallest gap of a line break (px, not scaled)
 * @param thinFullShare share of thin bridges whose film is full resist, as opaque as a line (0: none, no draw)
 * @param smallGapShare share of line breaks drawn from the small end, {@code gapFloor} to {@code gapFloor + 2} px
 *     (0: none, no draw)
 */
record SynthesisRanges(double horizontalShare, double extraTiltDeg,
        double pitchMin, double pitchSpan, double dutyMin, double dutySpan,
        double lerMin, double lerSpan, double lerCorrelationMin, double lerCorrelationSpan,
        double spaceLevelMin, double spaceLevelSpan, double topStepMin, double topStepSpan,
        double edgeLevelMin, double edgeLevelSpan, double brightnessTilt, double rippleMax,
        double blurMin, double blurSpan, double gainMin, double gainSpan, double jitterMin, double jitterSpan,
        double chargingShare, double partialShare,
        double bridgeMin, double bridgeSpan, double thinBridgeMin, double thinBridgeSpan,
        double thinLevelMin, double thinLevelSpan, double multiBridgeMin, double multiBridgeSpan,
        double gapMin, double gapSpan, double gapFloor, double thinFullShare, double smallGapShare) {

    /** The original generator's constants. */
    static SynthesisRanges standard() {
        return new SynthesisRanges(0.3, 0,
                30, 20, 0.40, 0.15,
                0.7, 0.6, 2, 2,
                38, 25, 30, 30,
                85, 45, 0.35, 0.10,
                0.6, 0.4, 1.5, 2.5, 1, 2.5,
                0, 0,
                7, 9, 2, 1.5,
                0.45, 0, 4, 6,
                6, 12, 3, 0, 0);
    }

    /**
     * Wide ranges: pitch 14-60 px, duty 0.30-0.70, roughness 0.3-1.8 px, tilt up to 6 degrees more, half the
     * frames horizontal, darker and brighter levels with weaker or stronger contrast, steeper brightness tilts,
     * blur 0.4-1.8 px, noise gain 0.5-8.5, charging gradients on 30 % and partial frames on 15 % of the frames, and
     * defects down to 2 px (thin bridges 1.2-4.0 px, half of them a full resist film as opaque as a line and half a
     * faint film of coverage 0.30-1.0, so "thin" means narrow, not faint; single bridges 5-16 px, clear of the thin
     * ones; multi-bridges 2-16 px per bridge; breaks 2-18 px, and 30 % of them 1.2-3.2 px, a cut of two to four
     * rows, because the smallest defects are the ones a reviewer must not miss).
     */
    static SynthesisRanges wide() {
        return new SynthesisRanges(0.5, 6,
                14, 46, 0.30, 0.40,
                0.3, 1.5, 1.5, 5,
                18, 55, 15, 55,
                45, 100, 0.7, 0.2,
                0.4, 1.4, 0.5, 8, 0.5, 4,
                0.3, 0.15,
                5, 11, 1.2, 2.8,
                0.30, 0.70, 2, 14,
                2, 16, 1.2, 0.5, 0.3);
    }

    /** Whether this is the wide regime (extra draws happen only then). */
    boolean isWide() {
        return extraTiltDeg > 0 || chargingShare > 0 || partialShare > 0 || thinLevelSpan > 0;
    }
}
