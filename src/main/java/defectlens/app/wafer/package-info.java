/** Wafer maps in the window: browser, map view, side panel with the wafer model and its relevance. */
package defectlens.app.wafer;
