/** Shared by every feature of the window: session state, background jobs, dialogs, images, status bar. */
package defectlens.app.common;
