/** The review desk in the window: queues of items to decide, decisions by keyboard, the confusion matrix. */
package defectlens.app.review;
