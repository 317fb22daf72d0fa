/** The look of the window: the light and dark themes, our own style sheet and the icons of the main actions. */
package defectlens.app.look;
