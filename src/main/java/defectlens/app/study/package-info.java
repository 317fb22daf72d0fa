/** Expert rating studies in the window: rating view, study summary, snapshots of what was rated. */
package defectlens.app.study;
