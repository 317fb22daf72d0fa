/** Shared by every feature of the window: session state, dialogs, images, status bar (jobs: app.task). */
package defectlens.app.common;
