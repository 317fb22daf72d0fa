/** SEM review: data set browser, image viewer and info panel, classification and training dialogs. */
package defectlens.app.sem;
