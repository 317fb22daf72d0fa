package defectlens.app.task;

/**
 * The queues background work waits in, each with its own named threads, so that short interactive work never
 * waits behind a training run: one thread per lane except thumbnails (two). The journal lane is the only one
 * whose thread is not a daemon and whose queue is drained at shutdown, so a confirmed rating is never cut off.
 */
public enum TaskLane {
    /** Opening data sets, images, models and wafer files; classifying all wafers; explanations. */
    WORK("defectlens-work", 1, true),
    /** Browser thumbnails. */
    THUMBNAILS("defectlens-thumbnails", 2, true),
    /** Short work a user waits for while clicking (one wafer through two models): never behind long jobs. */
    INTERACTIVE("defectlens-interactive", 1, true),
    /** Classifying SEM images with the current model: never behind image loading or training. */
    CLASSIFICATION("defectlens-classify", 1, true),
    /** Training runs: minutes to hours, on a thread of their own. */
    TRAINING("defectlens-training", 1, true),
    /** Study files: the ratings journal (appends forced to disk, in order), study summaries, item pictures. */
    JOURNAL("defectlens-journal", 1, false);

    private final String threadName;
    private final int threads;
    private final boolean daemon;

    TaskLane(String threadName, int threads, boolean daemon) {
        this.threadName = threadName;
        this.threads = threads;
        this.daemon = daemon;
    }

    public String threadName() {
        return threadName;
    }

    public int threads() {
        return threads;
    }

    /** False for the journal: its queue is finished, not dropped, when the window closes. */
    public boolean daemon() {
        return daemon;
    }
}
