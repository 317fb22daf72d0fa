/** The JavaFX window: start-up, the main window that puts the feature panes together. */
package defectlens.app;
